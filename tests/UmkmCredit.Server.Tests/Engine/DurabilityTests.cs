using System.Net;
using System.Text.Json;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Engine;

/// <summary>
/// The engine is real: the server runs as a child process on Azure Storage (Azurite), is killed with SIGKILL
/// while the orchestration waits for the review, starts again, and the decision completes it with its history.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class DurabilityTests : IAsyncLifetime
{
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Orchestration_survives_a_kill_9_and_resumes_with_its_history()
    {
        var port = Azurite.FreePort();
        var outbox = Path.Combine(Path.GetTempPath(), "umkmcredit-durability-" + Guid.NewGuid().ToString("N"));
        var hub = "dur" + Guid.NewGuid().ToString("N")[..10];
        using var http = ChildServer.Client(port);

        Submitted app;
        string token;
        using (var first = ChildServer.Start(port, outbox, hub, _azurite.ConnectionString))
        {
            await ChildServer.WaitHealthyAsync(http, first);
            using var submitted = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), Samples.CompleteSubmission());
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
            app = new Submitted(body.GetProperty("applicationId").GetString()!, body.GetProperty("accessToken").GetString()!, body);
            await ChildServer.WaitStatusAsync(http, app.Id, app.Token, "InReview");
            var box = new Outbox(outbox);
            token = Outbox.ReviewToken(await box.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address.StartsWith("analis", StringComparison.Ordinal))));

            // Kill while the workflow waits for the reviewer: the applicant's "in review" mail is the last thing the
            // InReview step does. (A kill inside a step also recovers, after Durable:VisibilityTimeout.)
            var inReview = UmkmCredit.Workflow.Notifications.StatusLabels.Of(UmkmCredit.Domain.Applications.ApplicationStatus.InReview);
            await box.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(inReview, StringComparison.Ordinal));

            await ChildServer.KillAsync(first); // SIGKILL: no graceful shutdown
        }

        using var second = ChildServer.Start(port, outbox, hub, _azurite.ConnectionString);
        try
        {
            await ChildServer.WaitHealthyAsync(http, second);
            using var decided = await http.PostAsync(new Uri($"/api/review/{token}", UriKind.Relative),
                new StringContent("{\"decision\":\"approve\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

            var status = await ChildServer.WaitStatusAsync(http, app.Id, app.Token, "AwaitingSignatures");
            var history = status.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToList();
            Assert.Equal(["Submitted", "InReview", "Approved", "AwaitingSignatures"], history);
        }
        finally
        {
            await ChildServer.KillAsync(second);
        }
    }
}

/// <summary>The kill-and-restart test runs alone: it measures the engine, not a machine busy with other collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityCollection
{
    /// <summary>Name.</summary>
    public const string Name = "durability";
}
