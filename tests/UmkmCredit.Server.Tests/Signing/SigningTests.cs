using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Links;

namespace UmkmCredit.Server.Tests.Signing;

[Collection(DefaultServerCollection.Name)]
public sealed class SigningTests(DefaultServerFixture fixture)
{
    private const string BankEmail = "kredit.trk@bank.example";
    private const string OpdEmail = "kadis.umkm.trk@kaltaraprov.example";

    private ServerInstance Server => fixture.Server;

    private async Task<Submitted> AwaitingSignaturesAsync(string email)
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission(email));
        await Server.WaitForStatusAsync(app, "InReview");
        var token = await Server.ReviewTokenAsync(app.Id);
        using var approve = await Server.DecideAsync(token, new { decision = "approve", recommendations = new[] { "Pelatihan pembukuan" } });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        return app;
    }

    private Task<string> SignTokenAsync(string applicationId, string email) => Server.SignTokenAsync(applicationId, email);

    private Task<string> OtpAsync(string token, string email) => Server.OtpAsync(token, email);

    private Task<HttpResponseMessage> SignAsync(string token, object body) => Server.SignAsync(token, body);

    private Task SignAsSignerAsync(string token, string email, string name) => Server.SignAsSignerAsync(token, email, name);

    [Fact]
    public async Task Three_signers_in_order_produce_a_signed_verifiable_agreement()
    {
        var app = await AwaitingSignaturesAsync("sign-all@example.id");
        var status = await Server.StatusAsync(app);
        var number = status.GetProperty("agreement").GetProperty("number").GetString()!;
        Assert.Matches(@"^\d{3}/PKS-UMKM/TRK/[IVX]+/\d{4}$", number);

        var applicantToken = await SignTokenAsync(app.Id, "sign-all@example.id");
        using (var page = await Server.Http.GetAsync(new Uri($"/api/sign/{applicantToken}", UriKind.Relative)))
        {
            var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(number, json.GetProperty("agreementNumber").GetString());
            Assert.Equal("applicant", json.GetProperty("signer").GetProperty("role").GetString());
        }

        using (var draft = await Server.Http.GetAsync(new Uri($"/api/sign/{applicantToken}/document", UriKind.Relative)))
        {
            Assert.Equal("application/pdf", draft.Content.Headers.ContentType?.MediaType);
        }

        Assert.DoesNotContain(Server.Outbox.To(BankEmail), m => (m.TextBody ?? string.Empty).Contains(app.Id, StringComparison.Ordinal)); // not the bank turn yet
        await SignAsSignerAsync(applicantToken, "sign-all@example.id", "siti aminah");
        await SignAsSignerAsync(await SignTokenAsync(app.Id, BankEmail), BankEmail, "Pimpinan Cabang Tarakan");
        await SignAsSignerAsync(await SignTokenAsync(app.Id, OpdEmail), OpdEmail, "Kepala Dinas Koperasi dan UKM Tarakan");

        var completed = await Server.WaitForStatusAsync(app, "Completed");
        Assert.All(completed.GetProperty("signatures").EnumerateArray(), s => Assert.Equal("Signed", s.GetProperty("status").GetString()));
        var sha = completed.GetProperty("agreement").GetProperty("sha256").GetString()!;

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}/agreement");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var download = await Server.Http.SendAsync(request);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(sha, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        var blob = Server.Get<UmkmCredit.Infrastructure.Storage.StorageClients>().Container("agreements").GetBlobClient($"{app.Id}/signed.pdf");
        Assert.Equal(sha, (await blob.GetPropertiesAsync()).Value.Metadata["sha256"]);
        var text = string.Join(' ', UglyToad.PdfPig.PdfDocument.Open(pdf).GetPages().Select(p => p.Text));
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", text, StringComparison.Ordinal);

        var verify = JsonDocument.Parse(await Server.Http.GetStringAsync(new Uri($"/api/verify/{app.Id}?sha256={sha}", UriKind.Relative))).RootElement;
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(number, verify.GetProperty("agreementNumber").GetString());
        Assert.Equal(3, verify.GetProperty("parties").GetArrayLength());
        var wrong = JsonDocument.Parse(await Server.Http.GetStringAsync(new Uri($"/api/verify/{app.Id}?sha256={new string('0', 64)}", UriKind.Relative))).RootElement;
        Assert.False(wrong.GetProperty("valid").GetBoolean());

        using var byFile = await Server.Http.PostAsync(new Uri("/api/verify", UriKind.Relative), new ByteArrayContent(pdf));
        Assert.True(JsonDocument.Parse(await byFile.Content.ReadAsStringAsync()).RootElement.GetProperty("valid").GetBoolean());
        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        using var changed = await Server.Http.PostAsync(new Uri("/api/verify", UriKind.Relative), new ByteArrayContent(tampered));
        Assert.False(JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.GetProperty("valid").GetBoolean());

        await Server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == BankEmail) && (m.Subject ?? string.Empty).Contains("telah ditandatangani", StringComparison.Ordinal));
        using var again = await SignAsync(applicantToken, new { decision = "sign", otp = "123456", fullName = "Siti Aminah", consent = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Signing_out_of_order_is_409()
    {
        var app = await AwaitingSignaturesAsync("sign-order@example.id");
        var store = Server.Get<ILinkStore>();
        var bankLink = (await store.GetAsync(app.Id, Signers.LinkIdFor("bank")))!.Value.Link;
        var bankToken = Server.Get<ActionLinkService>().TokenFor(bankLink);

        using var otp = await Server.Http.PostAsync(new Uri($"/api/sign/{bankToken}/otp", UriKind.Relative), null);
        using var sign = await SignAsync(bankToken, new { decision = "sign", otp = "123456", fullName = "Pimpinan Cabang Tarakan", consent = true });

        Assert.Equal(HttpStatusCode.Conflict, otp.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, sign.StatusCode);
        await ApiCalls.ProblemAsync(sign);
    }

    [Fact]
    public async Task Wrong_codes_are_403_and_the_fifth_locks_the_link()
    {
        var app = await AwaitingSignaturesAsync("sign-otp@example.id");
        var token = await SignTokenAsync(app.Id, "sign-otp@example.id");

        using (var noCode = await SignAsync(token, new { decision = "sign", otp = "000000", fullName = "Siti Aminah", consent = true }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noCode.StatusCode); // no code requested yet
        }

        var otp = await OtpAsync(token, "sign-otp@example.id");
        var wrongCode = otp == "999999" ? "999998" : "999999";
        using (var badName = await SignAsync(token, new { decision = "sign", otp, fullName = "Orang Lain", consent = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        }

        using (var noConsent = await SignAsync(token, new { decision = "sign", otp, fullName = "Siti Aminah" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        }

        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await SignAsync(token, new { decision = "sign", otp = wrongCode, fullName = "Siti Aminah", consent = true });
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        using var fifth = await SignAsync(token, new { decision = "sign", otp = wrongCode, fullName = "Siti Aminah", consent = true });
        using var right = await SignAsync(token, new { decision = "sign", otp, fullName = "Siti Aminah", consent = true });
        using var resend = await Server.Http.PostAsync(new Uri($"/api/sign/{token}/otp", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, resend.StatusCode);
        Assert.Equal("AwaitingSignatures", (await Server.StatusAsync(app)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Decline_with_a_reason_ends_the_application_and_tells_every_party()
    {
        var app = await AwaitingSignaturesAsync("sign-decline@example.id");
        var token = await SignTokenAsync(app.Id, "sign-decline@example.id");

        using (var noReason = await SignAsync(token, new { decision = "decline" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using var declined = await SignAsync(token, new { decision = "decline", reason = "Nilai angsuran terlalu besar." });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        await Server.WaitForStatusAsync(app, "Declined");
        foreach (var email in new[] { "sign-decline@example.id", BankEmail, OpdEmail })
        {
            await Server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject ?? string.Empty).Contains("tidak ditandatangani", StringComparison.Ordinal)
                && (m.TextBody ?? string.Empty).Contains("Nilai angsuran terlalu besar.", StringComparison.Ordinal));
        }

        var bankToken = Server.Get<ActionLinkService>().TokenFor((await Server.Get<ILinkStore>().GetAsync(app.Id, Signers.LinkIdFor("bank")))!.Value.Link);
        using var dead = await Server.Http.GetAsync(new Uri($"/api/sign/{bankToken}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, dead.StatusCode);
    }

    [Fact]
    public async Task One_hundred_concurrent_allocations_are_gap_free()
    {
        var numbers = Server.Get<IAgreementNumbers>();
        var year = 2090 + Random.Shared.Next(0, 9);

        var allocated = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => numbers.AllocateAsync($"app{i:D3}", "6504", year)));
        var again = await numbers.AllocateAsync("app007", "6504", year);

        Assert.Equal(Enumerable.Range(1, 100), allocated.Order());
        Assert.Equal(allocated[7], again);
    }

    [Fact]
    public async Task Unknown_verification_is_404_and_non_pdf_is_415()
    {
        using var unknown = await Server.Http.GetAsync(new Uri($"/api/verify/{new string('a', 32)}?sha256={new string('0', 64)}", UriKind.Relative));
        using var notPdf = await Server.Http.PostAsync(new Uri("/api/verify", UriKind.Relative), new StringContent("bukan pdf"));
        using var badToken = await Server.Http.GetAsync(new Uri("/api/sign/not.a.real.token", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notPdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badToken.StatusCode);
    }

}
