using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Signals;

namespace UmkmCredit.Server.Tests.Engine;

/// <summary>
/// Crash windows, with a fault-injecting TCP proxy between the server and Azurite: storage stops (or the server is
/// killed) right after the write that marks a review link used, or in the middle of a submission. Every case ends
/// with the workflow moving on and nothing doubled.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class FaultWindowTests : IAsyncLifetime
{
    /// <summary>The body of the conditional write that uses a link and stores its decision.</summary>
    private const string LinkUseWrite = "\"Delivered\":false";

    private static readonly string[] ApprovedOnce = ["Submitted", "InReview", "Approved", "AwaitingSignatures"];
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Storage_stopping_right_after_the_link_write_loses_nothing_and_the_retry_answers_the_same_success()
    {
        var (blob, queue, table, connection) = FaultProxy.Around(_azurite.ConnectionString);
        await using var _b = blob;
        await using var _q = queue;
        await using var _t = table;
        await using var server = await ServerInstance.StartAsync(connection, new Dictionary<string, string?> { ["Reminders:Schedule"] = "*/2 * * * * *" });
        var app = await server.SubmitAsync(Samples.CompleteSubmission("fault-stop@example.id"));
        await server.WaitForStatusAsync(app, "InReview");
        var token = await server.ReviewTokenAsync(app.Id);

        table.Arm(LinkUseWrite, () => blob.Down = queue.Down = table.Down = true);
        HttpStatusCode? first;
        try
        {
            using var response = await server.DecideAsync(token, new { decision = "approve" });
            first = response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            first = null;
        }

        Assert.Equal(1, table.Triggered);
        Assert.NotEqual(HttpStatusCode.OK, first);
        blob.Down = queue.Down = table.Down = false;

        using (var retry = await server.DecideAsync(token, new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        var status = await server.WaitForStatusAsync(app, "AwaitingSignatures", TimeSpan.FromSeconds(120));
        Assert.Equal(ApprovedOnce, History(status));
        using (var other = await server.DecideAsync(token, new { decision = "reject", note = "berubah pikiran" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        }

        // The stored decision delivered once more (as a sweep on another node would): the orchestration ignores it.
        var link = (await server.Get<ILinkStore>().ListAsync(app.Id)).Single(l => l.Role == UmkmCredit.Workflow.Review.LinkRoles.Review);
        Assert.True(link.Delivered);
        var durable = server.Get<DurableTaskClient>();
        await ApplicationSignals.RaiseAsync(durable, app.Id, DecisionDelivery.StoredSignal(link)!, CancellationToken.None);
        await ApplicationSignals.RaiseAsync(durable, app.Id, new WorkflowSignal(SignalKind.Cancel, "admin", Note: "uji duplikat"), CancellationToken.None);
        var cancelled = await server.WaitForStatusAsync(app, "Cancelled");
        Assert.Equal([.. ApprovedOnce, "Cancelled"], History(cancelled));
    }

    [Fact]
    public async Task A_submission_cut_by_a_storage_stop_is_retried_with_its_key_into_exactly_one_application()
    {
        var (blob, queue, table, connection) = FaultProxy.Around(_azurite.ConnectionString);
        await using var _b = blob;
        await using var _q = queue;
        await using var _t = table;
        await using var server = await ServerInstance.StartAsync(connection, new Dictionary<string, string?> { ["Reminders:Schedule"] = "*/2 * * * * *" });
        var key = "fault-submit-" + Guid.NewGuid().ToString("N");
        var nik = Samples.UniqueNik(); // a retry sends the same body

        table.Arm("POST /devstoreaccount1/applicationindex", () => blob.Down = queue.Down = table.Down = true);
        try
        {
            using var cut = await server.PostAsync("/api/applications", Samples.CompleteSubmission("fault-submit@example.id", nik), key);
            Assert.NotEqual(HttpStatusCode.Accepted, cut.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // the connection was cut: also a failure the client retries
        }

        Assert.Equal(1, table.Triggered);
        blob.Down = queue.Down = table.Down = false;

        var app = await server.SubmitAsync(Samples.CompleteSubmission("fault-submit@example.id", nik), key);
        var again = await server.SubmitAsync(Samples.CompleteSubmission("fault-submit@example.id", nik), key);
        Assert.Equal(app.Id, again.Id);
        var status = await server.WaitForStatusAsync(app, "InReview", TimeSpan.FromSeconds(120));
        Assert.Equal(["Submitted", "InReview"], History(status));
        var page = await server.Get<IApplicationIndex>().QueryAsync(new IndexQuery(null, null, false, DateTime.UtcNow, null, 100));
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task A_server_killed_right_after_the_link_write_delivers_the_decision_after_restart_without_a_retry()
    {
        var (blob, queue, table, connection) = FaultProxy.Around(_azurite.ConnectionString);
        await using var _b = blob;
        await using var _q = queue;
        await using var _t = table;
        var port = Azurite.FreePort();
        var outbox = Path.Combine(Path.GetTempPath(), "umkmcredit-fault-" + Guid.NewGuid().ToString("N"));
        var hub = "flt" + Guid.NewGuid().ToString("N")[..10];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        string appId, appToken, token;
        using (var first = ChildServer.Start(port, outbox, hub, connection))
        {
            await ChildServer.WaitHealthyAsync(http, first);
            using var submitted = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), Samples.CompleteSubmission("fault-kill@example.id"));
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
            appId = body.GetProperty("applicationId").GetString()!;
            appToken = body.GetProperty("accessToken").GetString()!;
            await ChildServer.WaitStatusAsync(http, appId, appToken, "InReview");
            token = Outbox.ReviewToken(await new Outbox(outbox).WaitForAsync(m => (m.Subject ?? string.Empty).Contains(appId, StringComparison.Ordinal)
                && m.To.Mailboxes.Any(b => b.Address.StartsWith("analis", StringComparison.Ordinal))));

            table.Arm(LinkUseWrite, () => first.Kill(entireProcessTree: true));
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                using var decided = await http.PostAsJsonAsync($"/api/review/{token}", new { decision = "approve" });
                Assert.Fail($"the killed server answered {(int)decided.StatusCode}");
            });
            await first.WaitForExitAsync();
            Assert.Equal(1, table.Triggered);
        }

        using var second = ChildServer.Start(port, outbox, hub, connection);
        try
        {
            await ChildServer.WaitHealthyAsync(http, second);
            var status = await ChildServer.WaitStatusAsync(http, appId, appToken, "AwaitingSignatures");
            Assert.Equal(ApprovedOnce, History(status));
            using var retry = await http.PostAsJsonAsync($"/api/review/{token}", new { decision = "approve" });
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            status = await ChildServer.WaitStatusAsync(http, appId, appToken, "AwaitingSignatures");
            Assert.Equal(ApprovedOnce, History(status));
        }
        finally
        {
            await ChildServer.KillAsync(second);
        }
    }

    private static List<string?> History(JsonElement status) =>
        status.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToList();
}
