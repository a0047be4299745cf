using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UmkmCredit.Server.Tests.Admin;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Governance;

/// <summary>A server whose Tarakan reviewer may approve at most Rp25.000.000 alone.</summary>
public sealed class ApprovalLimitFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The limit configured for <c>opd-trk-analis</c>.</summary>
    public const long Limit = 25_000_000;

    /// <summary>The server.</summary>
    public ServerInstance Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Opd:Reviewers:6571:0:ApprovalLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

/// <summary>Approval limits and four-eyes end to end on Azurite (API.md "Governance").</summary>
public sealed class FourEyesTests(ApprovalLimitFixture fixture) : IClassFixture<ApprovalLimitFixture>
{
    private const string Supervisor = "kabid.umkm.trk@kaltaraprov.example";

    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task An_approval_above_the_reviewers_limit_goes_to_the_supervisor_whose_approval_starts_signing()
    {
        var (app, token) = await Server.InReviewAsync("foureyes@example.id");

        using (var first = await Server.DecideAsync(token, new { decision = "approve", note = "Layak, usaha berjalan baik.", approvedAmount = 40_000_000 }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var supervisorToken = await Server.ReviewTokenAsync(app.Id, Supervisor);
        var status = await Server.StatusAsync(app);
        using var page = await Server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/review/{supervisorToken}") { Headers = { { "Accept", "text/html" } } });
        var html = await page.Content.ReadAsStringAsync();
        var reviewJson = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/review/{supervisorToken}");
        var mail = Server.Outbox.To(Supervisor).Last(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal));

        Assert.Equal("InReview", status.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("review").GetProperty("level").GetInt32());
        Assert.Contains("tingkat kedua", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("id=\"second-level\"", html, StringComparison.Ordinal);
        Assert.Contains("Layak, usaha berjalan baik.", html, StringComparison.Ordinal);
        Assert.Contains("Analis Kredit UMKM Tarakan", html, StringComparison.Ordinal);
        Assert.Equal(2, reviewJson.GetProperty("level").GetInt32());
        Assert.Equal("approve", reviewJson.GetProperty("firstLevel").GetProperty("decision").GetString());

        using (var second = await Server.DecideAsync(supervisorToken, new { decision = "approve", note = "Setuju tingkat kedua." }))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var signing = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        Assert.Equal(40_000_000, signing.GetProperty("review").GetProperty("approvedAmount").GetInt64());
        Assert.Equal(2, signing.GetProperty("review").GetProperty("level").GetInt32());
        var detail = await Server.AdminJsonAsync($"/api/admin/applications/{app.Id}");
        var events = detail.GetProperty("audit").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal(["review.decided", "review.secondLevelOpened", "review.secondLevelDecided"],
            events.Where(e => e!.StartsWith("review.", StringComparison.Ordinal) && e != "review.viewed"));
    }

    [Fact]
    public async Task An_approval_within_the_limit_needs_no_second_level()
    {
        var (app, token) = await Server.InReviewAsync("withinlimit@example.id");

        using var decided = await Server.DecideAsync(token, new { decision = "approve", approvedAmount = ApprovalLimitFixture.Limit });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var signing = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        Assert.Equal(1, signing.GetProperty("review").GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task The_first_reviewer_cannot_decide_the_second_level_when_it_is_reassigned_to_them()
    {
        var (app, token) = await Server.InReviewAsync("samereviewer@example.id");
        using (var first = await Server.DecideAsync(token, new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await Server.ReviewTokenAsync(app.Id, Supervisor);
        await WaitPendingLinkOfAsync(app.Id, Supervisor); // the mail goes out in the activity; the link is published after it
        using (var reassign = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/reassign", new { reviewerId = "opd-trk-analis" }))
        {
            Assert.True(reassign.IsSuccessStatusCode, $"reassign answered {(int)reassign.StatusCode}");
        }

        var sameToken = await Server.ReviewTokenAsync(app.Id, skip: 1);
        using var refused = await Server.DecideAsync(sameToken, new { decision = "approve" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await ApiCalls.ProblemAsync(refused);
        Assert.Contains("tingkat kedua", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var status = await Server.StatusAsync(app);
        Assert.Equal("InReview", status.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("review").GetProperty("level").GetInt32());
    }

    /// <summary>Waits until the workflow publishes a pending review link that belongs to <paramref name="email"/>.</summary>
    private async Task WaitPendingLinkOfAsync(string applicationId, string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement detail = default;
        while (DateTime.UtcNow < deadline)
        {
            detail = await Server.AdminJsonAsync($"/api/admin/applications/{applicationId}");
            if (detail.TryGetProperty("pendingLinkId", out var pending) && pending.GetString() is { } linkId
                && detail.GetProperty("links").EnumerateArray().Any(l => l.GetProperty("linkId").GetString() == linkId
                    && l.GetProperty("actorEmail").GetString() == email && l.GetProperty("status").GetString() == "Pending"))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("no pending link for " + email + ": " + detail);
    }
}
