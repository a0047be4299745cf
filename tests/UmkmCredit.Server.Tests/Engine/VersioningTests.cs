using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Review;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Notifications;

namespace UmkmCredit.Server.Tests.Engine;

/// <summary>
/// A deployment of changed workflow code while an application waits: a server process at <c>Durable:Version=1.0</c>
/// takes an application to review and is killed; a process at 2.0 takes over the same Azurite task hub. The reviewer's
/// approval then finishes the old application on the 1.0 path (the "Approved" note is the reviewer's note alone),
/// while an application submitted to the 2.0 process gets the 2.0 note with the approved amount and commitments — and
/// a 1.0 process started again (a rollback) leaves that 2.0 application alone until a 2.0 process is back.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class VersioningTests : IAsyncLifetime
{
    private const string Note = "Disetujui sebagian.";
    private const long Amount = 20_000_000;
    private static readonly string[] Commitments = ["Pelatihan pembukuan"];

    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task An_application_under_1_0_finishes_on_the_1_0_path_on_a_2_0_server_and_a_2_0_one_waits_out_a_rollback_to_1_0()
    {
        var port = Azurite.FreePort();
        var outbox = Path.Combine(Path.GetTempPath(), "umkmcredit-versioning-" + Guid.NewGuid().ToString("N"));
        var hub = "ver" + Guid.NewGuid().ToString("N")[..10];
        using var http = ChildServer.Client(port);
        var box = new Outbox(outbox);

        (string Id, string Token, string ReviewToken) old;
        using (var first = Start(port, outbox, hub, WorkflowVersions.V1))
        {
            await ChildServer.WaitHealthyAsync(http, first);
            old = await SubmitToReviewAsync(http, box);
            await ChildServer.KillAsync(first);
        }

        (string Id, string Token, string ReviewToken) fresh;
        using (var second = Start(port, outbox, hub, WorkflowVersions.V2))
        {
            try
            {
                await ChildServer.WaitHealthyAsync(http, second);
                await ApproveAsync(http, old.ReviewToken);
                var oldStatus = await ChildServer.WaitStatusAsync(http, old.Id, old.Token, "AwaitingSignatures");
                Assert.Equal(Note, ApprovedNote(oldStatus));
                fresh = await SubmitToReviewAsync(http, box);
            }
            finally
            {
                await ChildServer.KillAsync(second);
            }
        }

        // A rollback: the 1.0 build runs on the hub again. It must not replay the 2.0 history on its 1.0 code (Reject:
        // the work item goes back to the queue), and nothing is lost when 2.0 returns.
        using (var rolledBack = Start(port, outbox, hub, WorkflowVersions.V1))
        {
            try
            {
                await ChildServer.WaitHealthyAsync(http, rolledBack);
                await ApproveAsync(http, fresh.ReviewToken);
                await ChildServer.WaitForLogAsync(hub, rolledBack, "did not meet worker versioning requirements");
                Assert.Equal("InReview", (await StatusAsync(http, fresh)).GetProperty("status").GetString());
            }
            finally
            {
                await ChildServer.KillAsync(rolledBack);
            }
        }

        using var back = Start(port, outbox, hub, WorkflowVersions.V2);
        try
        {
            await ChildServer.WaitHealthyAsync(http, back);
            var freshStatus = await ChildServer.WaitStatusAsync(http, fresh.Id, fresh.Token, "AwaitingSignatures");
            Assert.Equal(ApprovalNote.Compose(Note, Amount, Commitments), ApprovedNote(freshStatus)); // the 2.0 path ran it
            Assert.Contains("Rp20.000.000,00", ApprovedNote(freshStatus), StringComparison.Ordinal);
        }
        finally
        {
            await ChildServer.KillAsync(back);
        }
    }

    private static async Task<JsonElement> StatusAsync(HttpClient http, (string Id, string Token, string ReviewToken) app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.Token);
        using var response = await http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Process Start(int port, string outbox, string hub, string version) =>
        ChildServer.Start(port, outbox, hub, _azurite.ConnectionString, settings: new Dictionary<string, string> { ["Durable__Version"] = version });

    private static async Task<(string Id, string Token, string ReviewToken)> SubmitToReviewAsync(HttpClient http, Outbox box)
    {
        using var submitted = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), Samples.CompleteSubmission());
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("applicationId").GetString()!;
        var token = body.GetProperty("accessToken").GetString()!;
        await ChildServer.WaitStatusAsync(http, id, token, "InReview");
        var review = Outbox.ReviewToken(await box.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(id, StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address.StartsWith("analis", StringComparison.Ordinal))));

        // The applicant's "in review" mail is the last thing the InReview step does: after it the instance only waits.
        var inReview = StatusLabels.Of(ApplicationStatus.InReview);
        await box.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(id, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(inReview, StringComparison.Ordinal));
        return (id, token, review);
    }

    private static async Task ApproveAsync(HttpClient http, string reviewToken)
    {
        var decision = JsonSerializer.Serialize(new { decision = "approve", note = Note, approvedAmount = Amount, recommendations = Commitments });
        using var decided = await http.PostAsync(new Uri($"/api/review/{reviewToken}", UriKind.Relative), new StringContent(decision, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
    }

    private static string? ApprovedNote(JsonElement status) =>
        status.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("status").GetString() == "Approved").GetProperty("note").GetString();
}
