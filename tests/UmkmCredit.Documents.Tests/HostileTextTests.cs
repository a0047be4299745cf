using UglyToad.PdfPig;
using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class HostileTextTests
{
    private static readonly string LongName = string.Concat(Enumerable.Repeat("Abcdefghij", 1024)); // 10 KB, no spaces

    private static AgreementModel Hostile()
    {
        AgreementModel m = SampleAgreements.Conventional();
        return m with
        {
            Debtor = m.Debtor with
            {
                Name = LongName,
                Address = "Jl. <script>alert('x')</script> & \"Gang\" No. 1 😀👍🏽🇮🇩 שלום עליכם مرحبا بالعالم \u202Egnp.exe\u202C \u0007\u001B[31m ☃ 漢字 Ṣaleh Nguyễn",
                BusinessName = "<b>Toko</b> \u200B\u200DKue\u00AD Ibu\r\n\tRina",
                Phone = "\u0000\u0001+62 812",
            },
            PurposeDescription = new string('x', 3000) + " " + string.Concat(Enumerable.Repeat("kata ", 800)),
            Recommendations = ["\uD800 lone surrogate", new string('y', 500), "🧵 pelatihan wastra"],
        };
    }

    [Fact]
    public void Hostile_text_renders_a_valid_pdf()
    {
        byte[] pdf = AgreementRenderer.RenderDraft(Hostile());
        Pdf.Save(pdf, "hostile.pdf");
        using PdfDocument document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 3);
        string text = Pdf.Text(pdf);
        Assert.Contains("<script>alert('x')</script>", text, StringComparison.Ordinal);
        Assert.Contains("Ṣaleh Nguyễn", text, StringComparison.Ordinal);
        Assert.Contains("Abcdefghij", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001B", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);

        // Every character of the 10 KB name is on some page (wrapped, not clipped).
        string squeezed = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        Assert.Contains(LongName[..2000], squeezed, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_stays_inside_the_margins()
    {
        byte[] pdf = AgreementRenderer.RenderDraft(Hostile());
        using PdfDocument document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.PointSize < 20))
            {
                Assert.InRange(letter.BoundingBox.Left, 55, 540);
                Assert.InRange(letter.BoundingBox.Right, 55, 540);
            }
        }
    }

    [Fact]
    public void Hostile_signed_pdf_renders()
    {
        AgreementModel m = Hostile();
        var signatures = SignedAgreementTests.Signatures(m);
        var certificate = new List<CertificateEntry>(SignedAgreementTests.Certificate(5))
        {
            new(DateTime.UtcNow, "<img src=x onerror=alert(1)>", LongName, "::1", new string('U', 5000), new string('f', 64)),
        };
        byte[] pdf = AgreementRenderer.RenderSigned(m, signatures, certificate);
        using PdfDocument document = PdfDocument.Open(pdf);
        Assert.Contains("<img src=x onerror=alert(1)>", Pdf.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_fields_and_a_one_month_schedule_render()
    {
        AgreementModel m = SampleAgreements.Conventional(months: 1, amount: 1_000_000);
        m = m with
        {
            PlaceName = string.Empty,
            Debtor = new DebtorParty(string.Empty, string.Empty, default, string.Empty, string.Empty, string.Empty, string.Empty, null),
            Bank = new BankParty(string.Empty, string.Empty, string.Empty, string.Empty),
            Opd = new OpdParty(string.Empty, string.Empty, string.Empty),
            SchemeName = string.Empty,
            PurposeDescription = string.Empty,
            Recommendations = [string.Empty, "  "],
            VerifyUrl = string.Empty,
        };
        byte[] draft = AgreementRenderer.RenderDraft(m);
        byte[] signed = AgreementRenderer.RenderSigned(m, [], []);
        Assert.Contains("Halaman 1 dari", Pdf.Text(draft), StringComparison.Ordinal);
        Assert.Contains("Tidak ada peristiwa", Pdf.Text(signed), StringComparison.Ordinal);
    }
}
