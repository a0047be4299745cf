using System.Net;
using System.Net.Sockets;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Documents.Signatures;

namespace UmkmCredit.Documents.Tests.Signatures;

public sealed class PdfSignatureTests
{
    private static readonly DateTime At = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
    private static readonly Lazy<DevelopmentPki> Pki = new(() => DevelopmentPki.Create("UmkmCredit Test", DateTimeOffset.UtcNow));

    private static string WorkDir(string name)
    {
        string dir = Path.Combine(TestPaths.Artifacts, "signatures", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static byte[] Agreement()
    {
        AgreementModel model = SampleAgreements.Conventional();
        return AgreementRenderer.RenderSigned(model, SignedAgreementTests.Signatures(model), SignedAgreementTests.Certificate(12));
    }

    /// <summary>Three signers (one visible box each on the last page), then the seal with a timestamp.</summary>
    private static async Task<byte[]> SignedByThreeAndSealedAsync(byte[] pdf, int page)
    {
        SigningCredential credential = Pki.Value.SigningCredential();
        (string Field, string Name)[] signers = [("applicant", "Siti Aminah"), ("bank", "Pimpinan Cabang Tarakan"), ("opd", "Kepala Dinas Koperasi dan UKM Tarakan")];
        for (var i = 0; i < signers.Length; i++)
        {
            var widget = new SignatureWidget(page, 56 + (i * 165), 90, 155, 50, ["Ditandatangani secara elektronik", signers[i].Name, "1 Desember 2026 14.00 WITA"]);
            pdf = await PdfSigner.SignAsync(pdf, new SignatureFieldSpec(signers[i].Field, signers[i].Name, $"Penandatangan {signers[i].Field}; bukti OTP ev-{i}",
                "Tarakan, Kalimantan Utara", null, At.AddMinutes(i), widget), credential);
        }

        return await PdfSigner.SignAsync(pdf, new SignatureFieldSpec("seal", "UmkmCredit Kaltara", "Segel program", "Tanjung Selor", "https://umkmcredit.example/api/verify/x",
            At.AddMinutes(5)), credential, Pki.Value.TimeStampAuthority());
    }

    [Fact]
    public async Task Every_signature_is_valid_for_pdfsig_openssl_and_qpdf_and_the_seal_covers_the_whole_file()
    {
        byte[] original = Agreement();
        int pages = Pdf.PageCount(original);
        byte[] signed = await SignedByThreeAndSealedAsync(original, pages - 1);
        string dir = WorkDir("three-and-seal");
        string path = Path.Combine(dir, "signed.pdf");
        File.WriteAllBytes(path, signed);
        File.WriteAllText(Path.Combine(dir, "ca.pem"), Pki.Value.Authority.ExportCertificatePem());

        Assert.Equal(original, signed.AsSpan(0, original.Length).ToArray()); // incremental: the first revision is untouched
        IReadOnlyList<PdfValidators.PdfsigSignature> reported = PdfValidators.Pdfsig(path);
        Assert.Equal(["applicant", "bank", "opd", "seal"], reported.Select(s => s.FieldName));
        Assert.All(reported, s => Assert.Equal("Signature is Valid.", s.Validation));
        Assert.All(reported, s => Assert.Equal("ETSI.CAdES.detached", s.Type));
        Assert.Equal([false, false, false, true], reported.Select(s => s.TotalDocumentSigned));

        var (qpdf, qpdfOutput) = PdfValidators.QpdfCheck(path);
        Assert.True(qpdf == 0, qpdfOutput);
        IReadOnlyList<(int ExitCode, string Output)> openssl = PdfValidators.OpensslVerifyAll(signed, Path.Combine(dir, "ca.pem"), dir);
        Assert.Equal(4, openssl.Count);
        Assert.All(openssl, r => Assert.True(r.ExitCode == 0 && r.Output.Contains("Verification successful", StringComparison.Ordinal), r.Output));
        Assert.Equal(pages, Pdf.PageCount(signed));

        IReadOnlyList<EmbeddedSignature> inspected = PdfSignatureInspector.Inspect(signed);
        Assert.Equal(["applicant", "bank", "opd", "seal"], inspected.Select(s => s.FieldName));
        Assert.All(inspected, s => Assert.True(s.Valid, s.Problem));
        Assert.Equal("Siti Aminah", inspected[0].SignerName);
        Assert.Equal(At, inspected[0].SigningTimeUtc);
        Assert.Null(inspected[0].TimeStampUtc);
        Assert.NotNull(inspected[3].TimeStampUtc);
        Assert.True(inspected[3].CoversWholeDocument);
        Assert.False(inspected[2].CoversWholeDocument);
    }

    [Fact]
    public async Task Flipping_one_byte_of_the_first_revision_makes_pdfsig_report_every_signature_invalid()
    {
        byte[] original = Agreement();
        byte[] signed = await SignedByThreeAndSealedAsync(original, Pdf.PageCount(original) - 1);
        int at = original.Length / 2;
        signed[at] ^= 0x01;
        string path = Path.Combine(WorkDir("tampered"), "tampered.pdf");
        File.WriteAllBytes(path, signed);

        IReadOnlyList<PdfValidators.PdfsigSignature> reported = PdfValidators.Pdfsig(path);
        Assert.Equal(4, reported.Count);
        Assert.All(reported, s => Assert.NotEqual("Signature is Valid.", s.Validation));
        Assert.All(PdfSignatureInspector.Inspect(signed), s => Assert.False(s.Valid));
    }

    [Fact]
    public async Task Changing_the_last_revision_leaves_the_earlier_signatures_valid()
    {
        byte[] original = Agreement();
        byte[] signed = await SignedByThreeAndSealedAsync(original, Pdf.PageCount(original) - 1);
        IReadOnlyList<EmbeddedSignature> before = PdfSignatureInspector.Inspect(signed);
        int at = (int)before[2].SignedLength + 40; // inside the seal's revision, past the opd signature
        signed[at] ^= 0x01;

        IReadOnlyList<EmbeddedSignature> after = PdfSignatureInspector.Inspect(signed);
        Assert.Equal([true, true, true, false], after.Select(s => s.Valid));
    }

    [Fact]
    public async Task A_signer_name_with_any_characters_round_trips_and_a_field_name_is_used_once()
    {
        byte[] pdf = Agreement();
        const string name = "Nurul (Ayu) \\ Ündang ✓";
        pdf = await PdfSigner.SignAsync(pdf, new SignatureFieldSpec("applicant", name, "r", "l", null, At), Pki.Value.SigningCredential());
        Assert.Equal(name, Assert.Single(PdfSignatureInspector.Inspect(pdf)).SignerName);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PdfSigner.SignAsync(pdf, new SignatureFieldSpec("applicant", "again", "r", "l", null, At), Pki.Value.SigningCredential()));
    }

    [Fact]
    public async Task A_time_stamp_authority_that_does_not_answer_is_a_TimeStampException()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var http = new HttpClient();
        var down = new HttpTimeStampAuthority(http, new Uri($"http://127.0.0.1:{port}/tsa"));
        await Assert.ThrowsAsync<TimeStampException>(() => PdfSigner.SignAsync(Agreement(), new SignatureFieldSpec("seal", "s", "r", "l", null, At), Pki.Value.SigningCredential(), down));
    }

    [Fact]
    public void Unsigned_or_garbage_input_has_no_signatures()
    {
        Assert.Empty(PdfSignatureInspector.Inspect(Agreement()));
        Assert.Empty(PdfSignatureInspector.Inspect("%PDF-1.4 nothing here"u8.ToArray()));
        var broken = PdfSignatureInspector.Inspect("%PDF-1.4\n1 0 obj << /ByteRange [0 5 9999 3] /Contents <00> >> endobj"u8.ToArray());
        Assert.False(Assert.Single(broken).Valid);
    }
}

public sealed class StampDutyLayoutTests
{
    [Fact]
    public void The_stamp_duty_note_is_printed_and_the_boxes_are_on_the_right_pages()
    {
        AgreementModel model = SampleAgreements.Conventional();
        RenderedAgreement rendered = AgreementRenderer.RenderSignedWithLayout(model, SignedAgreementTests.Signatures(model), SignedAgreementTests.Certificate(5),
            new StampDutyMark("DEV0123456789ABC", "e-Meterai belum dibubuhkan"));
        IReadOnlyList<string> pages = Pdf.PageTexts(rendered.Pdf);
        Assert.Contains("LEMBAR TANDA TANGAN ELEKTRONIK", pages[rendered.SignaturePageIndex], StringComparison.Ordinal);
        PageBox box = Assert.IsType<PageBox>(rendered.StampDutyBox);
        Assert.Contains("e-Meterai belum dibubuhkan (DEV0123456789ABC)", pages[box.PageIndex], StringComparison.Ordinal);
        Assert.Contains("Meterai", pages[box.PageIndex], StringComparison.Ordinal);
        Assert.True(box.PageIndex < rendered.SignaturePageIndex);
        Assert.Equal(3, rendered.SignatureBoxes.Count);
        Assert.All(rendered.SignatureBoxes, b => Assert.Equal(rendered.SignaturePageIndex, b.PageIndex));
        Assert.DoesNotContain("e-Meterai belum dibubuhkan", Pdf.Text(AgreementRenderer.RenderSigned(model, SignedAgreementTests.Signatures(model), SignedAgreementTests.Certificate(5))), StringComparison.Ordinal);
    }
}
