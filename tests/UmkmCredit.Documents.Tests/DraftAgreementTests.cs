using UglyToad.PdfPig;
using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class DraftAgreementTests
{
    private static readonly AgreementModel Model = SampleAgreements.Conventional();
    private static readonly byte[] Draft = AgreementRenderer.RenderDraft(Model);
    private static readonly IReadOnlyList<string> Pages = Pdf.PageTexts(Draft);
    private static readonly string Text = string.Join("\n", Pages);

    [Theory]
    [InlineData("PERJANJIAN KERJA SAMA")]
    [InlineData("Nomor: 001/PKS-UMKM/TRK/XII/2026")]
    [InlineData("Pada hari ini, Selasa, tanggal 1 Desember 2026, bertempat di Tarakan")]
    [InlineData("Siti Rahmawati")]
    [InlineData("PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara")]
    [InlineData("Andi Pratama Wijaya")]
    [InlineData("Dinas Koperasi dan UKM Kota Tarakan")]
    [InlineData("Dr. Hj. Nurul Hidayah, S.E., M.Si.")]
    [InlineData("PIHAK PERTAMA")]
    [InlineData("PIHAK KEDUA")]
    [InlineData("PIHAK KETIGA")]
    [InlineData("NIK 6571********0003")]
    [InlineData("Bahwa DEBITUR adalah pelaku usaha mikro")]
    [InlineData("Rp50.000.000,00 (lima puluh juta rupiah)")]
    [InlineData("6% (enam persen) per tahun")]
    [InlineData("36 (tiga puluh enam) bulan")]
    [InlineData("lima puluh juta rupiah")]
    [InlineData("FASILITAS KREDIT DAN TUJUAN PENGGUNAAN")]
    [InlineData("JUMLAH KREDIT DAN SUKU BUNGA")]
    [InlineData("JANGKA WAKTU DAN JADWAL ANGSURAN")]
    [InlineData("PENDAMPINGAN DAN PELATIHAN")]
    [InlineData("HAK DAN KEWAJIBAN PARA PIHAK")]
    [InlineData("WANPRESTASI")]
    [InlineData("PENYELESAIAN PERSELISIHAN DAN DOMISILI")]
    [InlineData("PENUTUP")]
    [InlineData("Kepaniteraan Pengadilan Negeri Tarakan")]
    [InlineData("pendampingan sertifikasi halal dan pendaftaran merek")]
    [InlineData("Meterai Rp10.000")]
    [InlineData("Pindai untuk verifikasi")]
    [InlineData("https://umkmcredit.kaltaraprov.go.id/api/verify/app-2026-000123")]
    [InlineData("DRAF")]
    public void Draft_contains(string expected) => Assert.Contains(expected, Text, StringComparison.Ordinal);

    [Fact]
    public void Draft_prints_the_nik_masked_only() => Assert.DoesNotContain("6571014507850003", Text, StringComparison.Ordinal);

    [Fact]
    public void Draft_has_numbered_pasal_one_to_eight()
    {
        for (var n = 1; n <= 8; n++)
        {
            Assert.Contains($"Pasal {n} ", Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_has_the_number_and_halaman_i_dari_n()
    {
        int count = Pdf.PageCount(Draft);
        Assert.True(count >= 3, $"expected at least 3 pages, got {count}");
        for (var i = 0; i < count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {count}", Pages[i], StringComparison.Ordinal);
            Assert.Contains("Perjanjian No. 001/PKS-UMKM/TRK/XII/2026", Pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Instalment_table_has_every_row_and_the_totals()
    {
        var schedule = Model.Schedule;
        Assert.Contains("Jatuh Tempo", Text, StringComparison.Ordinal);
        Assert.Contains("Sisa Pokok (Rp)", Text, StringComparison.Ordinal);
        Assert.Contains("Jumlah 50.000.000 ", Text, StringComparison.Ordinal);
        Assert.Contains(schedule.TotalPayment.ToString("#,0", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = "." }), Text, StringComparison.Ordinal);
        foreach (var row in schedule.Instalments)
        {
            Assert.Contains(row.DueDate.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fonts_are_embedded_subsets()
    {
        string raw = System.Text.Encoding.Latin1.GetString(Draft);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        using PdfDocument document = PdfDocument.Open(Draft);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+Noto", f));
    }

    [Fact]
    public void Metadata_is_set()
    {
        using PdfDocument document = PdfDocument.Open(Draft);
        Assert.Equal("Perjanjian Kerja Sama Nomor 001/PKS-UMKM/TRK/XII/2026 (DRAF)", document.Information.Title);
        Assert.Equal(Model.Bank.Name, document.Information.Author);
        Assert.Contains("Siti Rahmawati", document.Information.Subject, StringComparison.Ordinal);
        Assert.Contains("KUR_MIKRO", document.Information.Keywords, StringComparison.Ordinal);
        Assert.Contains("001/PKS-UMKM/TRK/XII/2026", document.Information.Keywords, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_is_small() => Assert.True(Draft.Length <= 100 * 1024, $"draft is {Draft.Length} bytes");

    [Fact]
    public void Empty_recommendations_give_the_default_commitment()
    {
        string text = Pdf.Text(AgreementRenderer.RenderDraft(SampleAgreements.Conventional(recommendations: [])));
        Assert.Contains("OPD memberikan pendampingan dan pelatihan usaha kepada DEBITUR", text, StringComparison.Ordinal);
    }
}
