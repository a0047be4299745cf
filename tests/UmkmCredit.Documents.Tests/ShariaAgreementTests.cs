using UglyToad.PdfPig;
using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class ShariaAgreementTests
{
    private static readonly AgreementModel Model = SampleAgreements.Sharia();
    private static readonly byte[] Draft = AgreementRenderer.RenderDraft(Model);
    private static readonly string Text = Pdf.Text(Draft);

    [Fact]
    public void Akad_uses_margin_and_never_the_word_bunga()
    {
        Pdf.Save(Draft, "sharia.pdf");
        Assert.Contains("AKAD PEMBIAYAAN MURABAHAH", Text, StringComparison.Ordinal);
        Assert.Contains("marjin", Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Marjin (Rp)", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bunga", Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Signed_akad_and_its_metadata_never_say_bunga()
    {
        byte[] signed = AgreementRenderer.RenderSigned(Model, SignedAgreementTests.Signatures(Model), SignedAgreementTests.Certificate(12));
        Assert.DoesNotContain("bunga", Pdf.Text(signed), StringComparison.OrdinalIgnoreCase);
        using PdfDocument document = PdfDocument.Open(signed);
        string meta = $"{document.Information.Title} {document.Information.Subject} {document.Information.Keywords}";
        Assert.DoesNotContain("bunga", meta, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("murabahah", meta, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Akad_states_cost_margin_and_selling_price_in_words()
    {
        Assert.Contains("Rp30.000.000,00 (tiga puluh juta rupiah)", Text, StringComparison.Ordinal);
        Assert.Contains("6% (enam persen) per tahun dari harga pokok", Text, StringComparison.Ordinal);
        Assert.Contains("Harga Jual", Text, StringComparison.Ordinal);
        Assert.Contains("NASABAH", Text, StringComparison.Ordinal);
        Assert.Contains("Pengadilan Agama Tarakan", Text, StringComparison.Ordinal);
    }
}
