using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class SignedAgreementTests
{
    private static readonly DateTime SignedAt = new(2026, 12, 1, 6, 5, 0, DateTimeKind.Utc);

    public static IReadOnlyList<SignatureRecord> Signatures(AgreementModel m) =>
    [
        new("applicant", "PIHAK KEDUA (DEBITUR)", m.Debtor.Name, SignedAt, "ev-applicant-0001", new string('a', 64)),
        new("bank", "PIHAK PERTAMA (BANK)", m.Bank.OfficerName, SignedAt.AddMinutes(30), "ev-bank-0002", new string('b', 64)),
        new("opd", "PIHAK KETIGA (OPD)", m.Opd.OfficialName, SignedAt.AddHours(2), "ev-opd-0003", new string('c', 64)),
    ];

    public static IReadOnlyList<CertificateEntry> Certificate(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new CertificateEntry(
            SignedAt.AddMinutes(i),
            $"event-{i:000}",
            i % 3 == 0 ? "siti@example.test" : "system",
            i % 2 == 0 ? "203.0.113." + (i % 250) : null,
            i % 2 == 0 ? "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36" : null,
            i % 4 == 0 ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))) : null)),
    ];

    [Fact]
    public void Signed_pdf_has_signature_page_and_every_certificate_entry()
    {
        AgreementModel model = SampleAgreements.Conventional();
        byte[] pdf = AgreementRenderer.RenderSigned(model, Signatures(model), Certificate(90));
        Pdf.Save(pdf, "signed.pdf");
        IReadOnlyList<string> pages = Pdf.PageTexts(pdf);
        string text = string.Join("\n", pages);

        Assert.Contains("LEMBAR TANDA TANGAN ELEKTRONIK", text, StringComparison.Ordinal);
        Assert.Contains("SERTIFIKAT PENYELESAIAN", text, StringComparison.Ordinal);
        Assert.Contains("ev-applicant-0001", text, StringComparison.Ordinal);
        Assert.Contains("ev-opd-0003", text, StringComparison.Ordinal);
        Assert.Contains("1 Desember 2026 14.05 WITA", text, StringComparison.Ordinal);
        Assert.Contains("Ditandatangani secara elektronik", text, StringComparison.Ordinal);
        Assert.Contains(AgreementRenderer.ContentHash(model), text, StringComparison.Ordinal);
        for (var i = 0; i < 90; i++)
        {
            Assert.Contains($"event-{i:000}", text, StringComparison.Ordinal);
        }

        // The certificate table breaks across pages and repeats its header.
        var certificatePages = pages.Where(p => p.Contains("event-0", StringComparison.Ordinal)).ToList();
        Assert.True(certificatePages.Count >= 2, "90 events should need more than one page");
        Assert.All(certificatePages, p => Assert.Contains("Waktu (WITA) Peristiwa Pelaku IP Agen Pengguna SHA-256 Dokumen", p, StringComparison.Ordinal));
        Assert.All(pages.Select((p, i) => (p, i)), x => Assert.Contains($"Halaman {x.i + 1} dari {pages.Count}", x.p, StringComparison.Ordinal));
    }

    [Fact]
    public void Signed_pdf_has_no_draft_mark()
    {
        AgreementModel model = SampleAgreements.Conventional();
        string text = Pdf.Text(AgreementRenderer.RenderSigned(model, Signatures(model), Certificate(3)));
        Assert.DoesNotContain("DRAF", text, StringComparison.Ordinal);
    }
}
