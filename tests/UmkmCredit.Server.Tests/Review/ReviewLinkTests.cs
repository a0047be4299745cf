using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Review;

namespace UmkmCredit.Server.Tests.Review;

[Collection(DefaultServerCollection.Name)]
public sealed class ReviewLinkTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    private async Task<(Submitted App, string Token)> InReviewAsync(string? email = null, string? nik = null)
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission(email, nik));
        await Server.WaitForStatusAsync(app, "InReview");
        return (app, await Server.ReviewTokenAsync(app.Id));
    }

    [Fact]
    public async Task Approve_records_the_decision_once_and_tells_the_applicant()
    {
        var (app, token) = await InReviewAsync("approve@example.id");

        using var response = await Server.DecideAsync(token, new { decision = "approve", approvedAmount = 45_000_000, recommendations = new[] { "Pelatihan pembukuan sederhana", "Pendampingan pemasaran daring" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var status = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        var review = status.GetProperty("review");
        Assert.Equal("approve", review.GetProperty("decision").GetString());
        Assert.Equal(45_000_000, review.GetProperty("approvedAmount").GetInt64());
        Assert.Equal(2, review.GetProperty("recommendations").GetArrayLength());
        await Server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "approve@example.id") && (m.Subject ?? string.Empty).Contains("Disetujui", StringComparison.Ordinal));

        using var again = await Server.DecideAsync(token, new { decision = "reject", note = "berubah pikiran" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await ApiCalls.ProblemAsync(again);
        using var page = await Server.Http.GetAsync(new Uri($"/api/review/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
    }

    [Fact]
    public async Task Concurrent_posts_from_many_tabs_take_effect_exactly_once()
    {
        var (app, token) = await InReviewAsync();

        var codes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var r = await Server.DecideAsync(token, i % 2 == 0 ? new { decision = "approve" } : (object)new { decision = "reject", note = "tidak layak" });
            return (Approve: i % 2 == 0, r.StatusCode);
        }));

        // One decision wins; posts of that same decision are the same request (answered with the same success),
        // every post of the other decision is refused.
        var winners = codes.Where(c => c.StatusCode == HttpStatusCode.OK).Select(c => c.Approve).Distinct().ToList();
        Assert.Single(winners);
        Assert.All(codes.Where(c => c.Approve == winners[0]), c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        Assert.All(codes.Where(c => c.Approve != winners[0]), c => Assert.Equal(HttpStatusCode.Conflict, c.StatusCode));
        var audit = await Server.Get<UmkmCredit.Workflow.Ports.IAuditTrail>().ReadAsync(app.Id);
        Assert.Single(audit, e => e.Event == "review.decided");
    }

    [Fact]
    public async Task Reject_needs_a_note()
    {
        var (app, token) = await InReviewAsync();

        using var noNote = await Server.DecideAsync(token, new { decision = "reject" });
        var problem = await ApiCalls.ProblemAsync(noNote);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal("note.required", problem.GetProperty("errorCodes").GetProperty("note")[0].GetString());

        using var badDecision = await Server.DecideAsync(token, new { decision = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, badDecision.StatusCode);
        using var tooMuch = await Server.DecideAsync(token, new { decision = "approve", approvedAmount = 50_000_001 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);

        using var ok = await Server.DecideAsync(token, new { decision = "reject", note = "Usaha belum memiliki pencatatan keuangan." });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var status = await Server.WaitForStatusAsync(app, "Rejected");
        Assert.Contains(status.GetProperty("history").EnumerateArray(), h => h.TryGetProperty("note", out var n) && n.GetString() == "Usaha belum memiliki pencatatan keuangan.");
    }

    [Fact]
    public async Task Revise_then_resubmit_opens_a_new_review_with_a_new_link()
    {
        var (app, token) = await InReviewAsync("revise@example.id");

        using var revise = await Server.DecideAsync(token, new { decision = "revise", note = "Lengkapi uraian penggunaan dana." });
        Assert.Equal(HttpStatusCode.OK, revise.StatusCode);
        await Server.WaitForStatusAsync(app, "RevisionRequested");

        var changed = Samples.Application("revise@example.id");
        changed["request"]!["description"] = "Pembelian bahan baku (tepung, ikan) dan kemasan untuk 6 bulan";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{app.Id}/resubmit") { Content = ApiCalls.Json(changed) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var resubmit = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, resubmit.StatusCode);

        await Server.WaitForStatusAsync(app, "InReview");
        var second = await Server.ReviewTokenAsync(app.Id, skip: 1);
        Assert.NotEqual(token, second);
        using var old = await Server.DecideAsync(token, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        using var approve = await Server.DecideAsync(second, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        var blobs = Server.Get<UmkmCredit.Infrastructure.Storage.StorageClients>().Container("applications");
        Assert.True((await blobs.GetBlobClient($"{app.Id}/v2.json").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Unknown_and_tampered_links_are_404_and_expired_ones_410()
    {
        var (app, token) = await InReviewAsync();
        var parts = token.Split('.');
        var tampered = string.Join('.', parts[0], parts[1], parts[2], parts[3][..^2] + (parts[3][^2..] == "AA" ? "BB" : "AA"));
        var longerExpiry = string.Join('.', parts[0], parts[1], (long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), parts[3]);

        foreach (var bad in new[] { "x", "a.b.c.d", tampered, longerExpiry, token.Replace(app.Id, new string('0', 32), StringComparison.Ordinal) })
        {
            using var get = await Server.Http.GetAsync(new Uri($"/api/review/{Uri.EscapeDataString(bad)}", UriKind.Relative));
            using var post = await Server.DecideAsync(Uri.EscapeDataString(bad), new { decision = "approve" });
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        // A link past its deadline (not yet superseded by the escalation) answers 410.
        var links = Server.Get<ActionLinkService>();
        var (_, expired) = await links.IssueAsync(app.Id, "expired" + Guid.NewGuid().ToString("N")[..8], LinkRoles.Review, "opd-trk-analis", "Analis", "analis.umkm.trk@kaltaraprov.example", DateTime.UtcNow.AddMinutes(-1));
        using var gone = await Server.DecideAsync(expired, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        await ApiCalls.ProblemAsync(gone);
    }

    [Fact]
    public async Task Review_page_shows_the_summary_with_a_masked_nik_and_serves_documents()
    {
        var nik = Samples.UniqueNik();
        var (app, token) = await InReviewAsync(nik: nik);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/review/{token}");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await Server.Http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        using var json = await Server.Http.GetAsync(new Uri($"/api/review/{token}", UriKind.Relative));
        var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        using var doc = await Server.Http.GetAsync(new Uri($"/api/review/{token}/documents/ktp", UriKind.Relative));
        using var missing = await Server.Http.GetAsync(new Uri($"/api/review/{token}/documents/npwp", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Amplang Bu Siti", html, StringComparison.Ordinal);
        Assert.Contains($"{nik[..4]}********{nik[^4..]}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(nik, html, StringComparison.Ordinal);
        Assert.Contains("name=\"decision\"", html, StringComparison.Ordinal);
        Assert.Equal(app.Id, body.GetProperty("applicationId").GetString());
        Assert.Equal("Analis Kredit UMKM Tarakan", body.GetProperty("reviewer").GetProperty("name").GetString());
        Assert.Equal(4, body.GetProperty("documents").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        Assert.Equal("application/pdf", doc.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Html_form_post_records_the_decision_and_encodes_untrusted_text()
    {
        var json = Samples.Application();
        json["business"]!["name"] = "<script>alert(1)</script> & Co";
        var app = await Server.SubmitAsync(Samples.Multipart(json, Samples.RequiredKinds.Select(k => (k, Samples.Pdf(k)))));
        await Server.WaitForStatusAsync(app, "InReview");
        var token = await Server.ReviewTokenAsync(app.Id);

        var get = new HttpRequestMessage(HttpMethod.Get, $"/api/review/{token}");
        get.Headers.Accept.Clear();
        get.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await Server.Http.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);

        var post = new HttpRequestMessage(HttpMethod.Post, $"/api/review/{token}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["recommendations"] = "Pelatihan digital marketing\nPendampingan halal", ["confirm"] = "ya" }),
        };
        post.Headers.Accept.Clear();
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var recorded = await Server.Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Contains("Keputusan tercatat", await recorded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var status = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        Assert.Equal(2, status.GetProperty("review").GetProperty("recommendations").GetArrayLength());
    }

    [Fact]
    public async Task Admin_remind_needs_the_key_and_resends_the_pending_link()
    {
        var (app, _) = await InReviewAsync();
        var url = new Uri($"/api/admin/applications/{app.Id}/remind", UriKind.Relative);

        using var none = await Server.Http.PostAsync(url, null);
        var wrong = new HttpRequestMessage(HttpMethod.Post, url);
        wrong.Headers.Add("x-functions-key", "nope");
        using var wrongKey = await Server.Http.SendAsync(wrong);
        var right = new HttpRequestMessage(HttpMethod.Post, url);
        right.Headers.Add("x-functions-key", ServerInstance.AdminKey);
        using var ok = await Server.Http.SendAsync(right);
        using var viaCode = await Server.Http.PostAsync(new Uri($"/api/admin/applications/{new string('a', 32)}/remind?code={ServerInstance.AdminKey}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaCode.StatusCode);
        await Server.Outbox.WaitForAsync(m => (m.Subject ?? string.Empty).StartsWith("Pengingat", StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal));
    }
}
