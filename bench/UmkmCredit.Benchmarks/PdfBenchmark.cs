using System.Diagnostics;
using System.Globalization;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Domain.Money;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// The agreement-PDF benchmark, meant for bench/UmkmCredit.Benchmarks (which needs a reference to
/// UmkmCredit.Documents first; until then it lives here and a test runs it).
/// Renders a typical 36-month draft agreement (no certificate) in a warmed loop and prints
/// <c>agreement-pdf: median_ms=X p95_ms=Y bytes=Z pages=N</c>. Options: <c>--iterations N</c> (default 200).
/// </summary>
public static class PdfBenchmark
{
    /// <summary>Runs the warmed loop and prints the figures; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int iterations = 200;
        int at = Array.IndexOf(args, "--iterations");
        if (at >= 0 && at + 1 < args.Length)
        {
            iterations = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        }

        AgreementModel model = Typical();
        byte[] pdf = [];
        for (var i = 0; i < 30; i++)
        {
            pdf = AgreementRenderer.RenderDraft(model);
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            pdf = AgreementRenderer.RenderDraft(model);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        double median = times[iterations / 2];
        double p95 = times[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"agreement-pdf: median_ms={median:0.00} p95_ms={p95:0.00} bytes={pdf.Length} pages={CountPages(pdf)}"));
        return Task.FromResult(0);
    }

    /// <summary>A typical KUR Mikro working-capital agreement: Rp50.000.000 over 36 months at 6%.</summary>
    public static AgreementModel Typical()
    {
        var date = new DateOnly(2026, 12, 1);
        const long amount = 50_000_000;
        return new AgreementModel(
            Number: "001/PKS-UMKM/TRK/XII/2026",
            Date: date,
            PlaceName: "Tarakan",
            Debtor: new DebtorParty(
                "Siti Rahmawati",
                "6571014507850003",
                new DateOnly(1985, 7, 5),
                "Jl. Yos Sudarso No. 12, RT 004, Kel. Lingkas Ujung, Kec. Tarakan Timur, Kota Tarakan 77123",
                "+6281234567890",
                "UD Amplang Ikan Bandeng Sejahtera",
                "Jl. Mulawarman No. 45, Kel. Karang Anyar, Kec. Tarakan Barat, Kota Tarakan",
                "9120301234567"),
            Bank: new BankParty("PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara", "Jl. Jenderal Sudirman No. 1, Kota Tarakan", "Andi Pratama Wijaya", "Pemimpin Cabang Tarakan"),
            Opd: new OpdParty("Dinas Koperasi dan UKM Kota Tarakan", "Dr. Hj. Nurul Hidayah, S.E., M.Si.", "Kepala Dinas"),
            SchemeCode: "KUR_MIKRO",
            SchemeName: "KUR Mikro",
            IsSharia: false,
            Amount: amount,
            AnnualRatePercent: 6m,
            TenorMonths: 36,
            Purpose: "modal-kerja",
            PurposeDescription: "pembelian bahan baku ikan bandeng, tepung dan kemasan untuk produksi amplang",
            Schedule: InstalmentCalculator.Annuity(amount, 6m, 36, date.AddMonths(1)),
            Recommendations: ["pelatihan pembukuan sederhana", "pendampingan sertifikasi halal dan pendaftaran merek", "fasilitasi pemasaran melalui pameran produk unggulan daerah"],
            VerifyUrl: "https://umkmcredit.kaltaraprov.go.id/api/verify/app-2026-000123",
            ApplicationId: "app-2026-000123");
    }

    /// <summary>Counts page objects in the PDF (PDFsharp writes "/Type/Page" for each page and "/Type/Pages" for the tree).</summary>
    private static int CountPages(byte[] pdf)
    {
        string text = System.Text.Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (int i = text.IndexOf("/Type/Page", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Type/Page", i + 1, StringComparison.Ordinal))
        {
            if (i + 10 >= text.Length || text[i + 10] != 's')
            {
                count++;
            }
        }

        return count;
    }
}
