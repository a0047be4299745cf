using System.Net;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Server.Tests.Review;

/// <summary>Reminders, escalation and expiry on real durable timers (Azure Storage on Azurite), with deadlines of seconds.</summary>
[Collection(FastTimersCollection.Name)]
public sealed class DeadlineTests(FastTimersFixture fixture)
{
    private const string Reviewer = "analis.umkm.trk@kaltaraprov.example";
    private const string Supervisor = "kabid.umkm.trk@kaltaraprov.example";

    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task Unanswered_review_is_reminded_once_escalated_to_the_supervisor_then_expires()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission("deadline@example.id"));
        await Server.WaitForStatusAsync(app, "InReview");
        var first = await Server.ReviewTokenAsync(app.Id, Reviewer);

        // escalation: the supervisor gets a new link, the reviewer's link dies
        var escalation = await Server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == Supervisor)
            && (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal), TimeSpan.FromSeconds(120));
        Assert.StartsWith("Eskalasi", escalation.Subject, StringComparison.Ordinal);
        using (var old = await Server.DecideAsync(first, new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        }

        var expired = await Server.WaitForStatusAsync(app, "Expired", TimeSpan.FromSeconds(120));
        Assert.Contains(expired.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "InReview");

        // exactly one reminder for each pending action, however many sweeps ran (one per second)
        await Task.Delay(TimeSpan.FromSeconds(2));
        var reminders = Server.Outbox.All().Where(m => (m.Subject ?? string.Empty).StartsWith("Pengingat", StringComparison.Ordinal)
            && (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal)).ToList();
        Assert.Single(reminders, m => m.To.Mailboxes.Any(b => b.Address == Reviewer));
        Assert.Single(reminders, m => m.To.Mailboxes.Any(b => b.Address == Supervisor));
        var audit = await Server.Get<IAuditTrail>().ReadAsync(app.Id);
        Assert.Equal(2, audit.Count(e => e.Event == "reminder.sent"));
        await Server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "deadline@example.id") && (m.Subject ?? string.Empty).Contains("Kedaluwarsa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Supervisor_can_decide_through_the_escalation_link()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission());
        await Server.WaitForStatusAsync(app, "InReview");
        var message = await Server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == Supervisor)
            && (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal), TimeSpan.FromSeconds(120));
        var token = Outbox.ReviewToken(message);

        using var response = await Server.DecideAsync(token, new { decision = "approve" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        Assert.StartsWith("Kepala Bidang", status.GetProperty("review").GetProperty("reviewer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_documents_expire_at_the_documents_deadline()
    {
        var app = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));

        await Server.WaitForStatusAsync(app, "AwaitingDocuments");
        await Server.WaitForStatusAsync(app, "Expired", TimeSpan.FromSeconds(120));
    }
}
