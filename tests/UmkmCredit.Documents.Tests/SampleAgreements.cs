using UmkmCredit.Documents.Agreements;
using UmkmCredit.Domain.Money;

namespace UmkmCredit.Documents.Tests;

/// <summary>Typical agreements for the tests and the benchmark.</summary>
internal static class SampleAgreements
{
    public static readonly DateOnly Date = new(2026, 12, 1);

    public static AgreementModel Conventional(int months = 36, long amount = 50_000_000, IReadOnlyList<string>? recommendations = null) => new(
        Number: "001/PKS-UMKM/TRK/XII/2026",
        Date: Date,
        PlaceName: "Tarakan",
        Debtor: new DebtorParty(
            Name: "Siti Rahmawati",
            Nik: "6571014507850003",
            BirthDate: new DateOnly(1985, 7, 5),
            Address: "Jl. Yos Sudarso No. 12, RT 004, Kel. Lingkas Ujung, Kec. Tarakan Timur, Kota Tarakan 77123",
            Phone: "+6281234567890",
            BusinessName: "UD Amplang Ikan Bandeng Sejahtera",
            BusinessAddress: "Jl. Mulawarman No. 45, Kel. Karang Anyar, Kec. Tarakan Barat, Kota Tarakan",
            Nib: "9120301234567"),
        Bank: new BankParty(
            Name: "PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara",
            BranchAddress: "Jl. Jenderal Sudirman No. 1, Kota Tarakan",
            OfficerName: "Andi Pratama Wijaya",
            OfficerTitle: "Pemimpin Cabang Tarakan"),
        Opd: new OpdParty(
            AgencyName: "Dinas Koperasi dan UKM Kota Tarakan",
            OfficialName: "Dr. Hj. Nurul Hidayah, S.E., M.Si.",
            OfficialTitle: "Kepala Dinas"),
        SchemeCode: "KUR_MIKRO",
        SchemeName: "KUR Mikro",
        IsSharia: false,
        Amount: amount,
        AnnualRatePercent: 6m,
        TenorMonths: months,
        Purpose: "modal-kerja",
        PurposeDescription: "pembelian bahan baku ikan bandeng, tepung dan kemasan untuk produksi amplang",
        Schedule: InstalmentCalculator.Annuity(amount, 6m, months, Date.AddMonths(1)),
        Recommendations: recommendations ??
        [
            "pelatihan pembukuan sederhana dan pemisahan keuangan usaha dan rumah tangga",
            "pendampingan sertifikasi halal dan pendaftaran merek",
            "fasilitasi pemasaran melalui pameran produk unggulan daerah",
        ],
        VerifyUrl: "https://umkmcredit.kaltaraprov.go.id/api/verify/app-2026-000123",
        ApplicationId: "app-2026-000123");

    public static AgreementModel Sharia(int months = 24, long amount = 30_000_000) => Conventional(months, amount) with
    {
        Number = "002/PKS-UMKM/TRK/XII/2026",
        SchemeCode = "KALTARA_SYARIAH",
        SchemeName = "Pembiayaan Syariah Kaltara",
        IsSharia = true,
        AnnualRatePercent = 6m,
        Schedule = InstalmentCalculator.Murabahah(amount, 6m, months, Date.AddMonths(1)),
        Bank = new BankParty("PT Bank Syariah Indonesia Tbk.", "Jl. Yos Sudarso No. 88, Kota Tarakan", "Rahmat Hidayat", "Branch Manager Tarakan"),
    };
}
