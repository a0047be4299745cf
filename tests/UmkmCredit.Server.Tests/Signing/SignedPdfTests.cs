using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UmkmCredit.Documents.Signatures;
using UmkmCredit.Documents.Tests.Signatures;
using UmkmCredit.Infrastructure.Signatures;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Signing;

/// <summary>The signed agreement of a whole signing journey, judged by pdfsig, openssl and qpdf.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class SignedPdfTests(DefaultServerFixture fixture)
{
    private const string BankEmail = "kredit.trk@bank.example";
    private const string OpdEmail = "kadis.umkm.trk@kaltaraprov.example";

    internal static async Task<Submitted> SignedByAllAsync(ServerInstance server, string email)
    {
        var app = await server.SubmitAsync(Samples.CompleteSubmission(email));
        await server.WaitForStatusAsync(app, "InReview");
        using (var approve = await server.DecideAsync(await server.ReviewTokenAsync(app.Id), new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await server.WaitForStatusAsync(app, "AwaitingSignatures");
        await server.SignAsSignerAsync(await server.SignTokenAsync(app.Id, email), email, "Siti Aminah");
        await server.SignAsSignerAsync(await server.SignTokenAsync(app.Id, BankEmail), BankEmail, "Pimpinan Cabang Tarakan");
        await server.SignAsSignerAsync(await server.SignTokenAsync(app.Id, OpdEmail), OpdEmail, "Kepala Dinas Koperasi dan UKM Tarakan");
        return app;
    }

    internal static async Task<byte[]> DownloadAsync(ServerInstance server, Submitted app)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}/agreement");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var download = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return await download.Content.ReadAsByteArrayAsync();
    }

    /// <summary>pdfsig: signers + seal, every one valid, only the seal covering the whole file; openssl accepts every CMS against the CA; qpdf is clean.</summary>
    internal static void AssertSignedBySignersAndSeal(byte[] pdf, string caPem, string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "umkmcredit-signed-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "signed.pdf");
        File.WriteAllBytes(path, pdf);
        string ca = Path.Combine(dir, "ca.pem");
        File.WriteAllText(ca, caPem);

        var reported = PdfValidators.Pdfsig(path);
        Assert.Equal(["applicant", "bank", "opd", "seal"], reported.Select(s => s.FieldName));
        Assert.All(reported, s => Assert.Equal("Signature is Valid.", s.Validation));
        Assert.Equal([false, false, false, true], reported.Select(s => s.TotalDocumentSigned));
        var openssl = PdfValidators.OpensslVerifyAll(pdf, ca, dir);
        Assert.Equal(4, openssl.Count);
        Assert.All(openssl, r => Assert.True(r.ExitCode == 0, r.Output));
        var (qpdf, output) = PdfValidators.QpdfCheck(path);
        Assert.True(qpdf == 0, output);
    }

    [Fact]
    public async Task A_completed_journey_yields_a_pdf_with_every_signer_and_the_timestamped_seal()
    {
        var server = fixture.Server;
        var app = await SignedByAllAsync(server, "signed-pdf@example.id");
        var completed = await server.WaitForStatusAsync(app, "Completed");
        Assert.Equal("Signed", completed.GetProperty("agreement").GetProperty("status").GetString());
        byte[] pdf = await DownloadAsync(server, app);
        string caPem = server.Get<SigningKeys>().Development().Authority.ExportCertificatePem();
        AssertSignedBySignersAndSeal(pdf, caPem, "journey");

        var inspected = PdfSignatureInspector.Inspect(pdf);
        Assert.NotNull(inspected[^1].TimeStampUtc);
        Assert.Equal("Siti Aminah", inspected[0].SignerName);
        Assert.Contains("bukti", inspected[0].Reason, StringComparison.Ordinal);
        string text = string.Join(' ', UglyToad.PdfPig.PdfDocument.Open(pdf).GetPages().Select(p => p.Text));
        Assert.Contains("e-Meterai belum dibubuhkan", text, StringComparison.Ordinal);
        Assert.Contains("SERTIFIKAT PENYELESAIAN", text, StringComparison.Ordinal); // the certificate of completion is inside the sealed document

        string sha = completed.GetProperty("agreement").GetProperty("sha256").GetString()!;
        var verify = JsonDocument.Parse(await server.Http.GetStringAsync(new Uri($"/api/verify/{app.Id}?sha256={sha}", UriKind.Relative))).RootElement;
        var listed = verify.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(["applicant", "bank", "opd", "seal"], listed.Select(s => s.GetProperty("role").GetString()));
        Assert.All(listed, s => Assert.True(s.GetProperty("valid").GetBoolean()));
        Assert.Equal("Siti Aminah", listed[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, listed[3].GetProperty("signedAt").ValueKind);

        pdf[pdf.Length / 3] ^= 0x01; // a changed byte: the posted copy is unknown and its signatures invalid
        using var posted = await server.Http.PostAsync(new Uri("/api/verify", UriKind.Relative), new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } });
        var tampered = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        Assert.Contains(tampered.GetProperty("signatures").EnumerateArray(), s => !s.GetProperty("valid").GetBoolean());

        using var page = new HttpRequestMessage(HttpMethod.Get, $"/api/verify/{app.Id}?sha256={sha}");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var html = await server.Http.SendAsync(page);
        Assert.Contains("Segel program", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A time-stamp authority that is down when the last signer signs: the seal is retried until it answers.</summary>
public sealed class SealRetryTests : IAsyncLifetime
{
    private Azurite? _azurite;
    private SwitchableTimeStampAuthority? _tsa;
    private ServerInstance? _server;
    private DevelopmentPki? _tsaPki;

    public async Task InitializeAsync()
    {
        _tsaPki = DevelopmentPki.Create("Outage Test TSA", DateTimeOffset.UtcNow);
        _tsa = await SwitchableTimeStampAuthority.StartAsync(_tsaPki.TimeStampAuthority());
        _azurite = await Azurite.StartAsync();
        _server = await ServerInstance.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Signing:TimestampUrl"] = _tsa.Url.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        await _azurite!.DisposeAsync();
        await _tsa!.DisposeAsync();
    }

    [Fact]
    public async Task The_seal_is_retried_while_the_authority_is_down_and_completes_once_it_answers()
    {
        var server = _server!;
        var app = await SignedByAllAsync(server);

        // Wait (on state, not time) until the workflow has tried at least twice and says it is sealing.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement status;
        while (true)
        {
            status = await server.StatusAsync(app);
            if (_tsa!.Refused >= 2 && status.GetProperty("agreement").GetProperty("status").GetString() == "Sealing")
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no retried seal: refused {_tsa.Refused}, status {status}");
            await Task.Delay(200);
        }

        Assert.Equal("AwaitingSignatures", status.GetProperty("status").GetString());
        Assert.All(status.GetProperty("signatures").EnumerateArray(), s => Assert.Equal("Signed", s.GetProperty("status").GetString()));

        _tsa.Up = true;
        var completed = await server.WaitForStatusAsync(app, "Completed", TimeSpan.FromSeconds(120));
        Assert.Equal("Signed", completed.GetProperty("agreement").GetProperty("status").GetString());
        Assert.True(_tsa.Answered >= 1);
        byte[] pdf = await SignedPdfTests.DownloadAsync(server, app);
        SignedPdfTests.AssertSignedBySignersAndSeal(pdf, server.Get<SigningKeys>().Development().Authority.ExportCertificatePem(), "retry");
        Assert.NotNull(PdfSignatureInspector.Inspect(pdf)[^1].TimeStampUtc);
    }

    private static Task<Submitted> SignedByAllAsync(ServerInstance server) => SignedPdfTests.SignedByAllAsync(server, "tsa-down@example.id");
}
