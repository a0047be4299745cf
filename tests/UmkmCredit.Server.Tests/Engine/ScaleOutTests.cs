using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using UmkmCredit.Server.Engine;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Engine;

/// <summary>
/// Several server processes on one task hub: each gets its own worker id by default, they share the partitions, and
/// when one is killed the other takes its partitions over and finishes every instance. A hub's partition count is
/// fixed: a server configured with another count refuses to start.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class ScaleOutTests : IAsyncLifetime
{
    private static readonly string[] SubmittedThenInReview = ["Submitted", "InReview"];
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public void Default_worker_id_differs_per_listening_address_and_stays_the_same_for_a_restart()
    {
        var first = EngineOptions.DefaultWorkerId("host1", "umkmcredit", "http://127.0.0.1:8080");
        Assert.Equal(first, EngineOptions.DefaultWorkerId("host1", "umkmcredit", "http://127.0.0.1:8080"));
        Assert.NotEqual(first, EngineOptions.DefaultWorkerId("host1", "umkmcredit", "http://127.0.0.1:8081"));
        Assert.NotEqual(first, EngineOptions.DefaultWorkerId("host2", "umkmcredit", "http://127.0.0.1:8080"));
        Assert.StartsWith("host1-umkmcredit-", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_created_with_four_partitions_refuses_another_count()
    {
        var queues = new QueueServiceClient(_azurite.ConnectionString);
        var hub = "prt" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(0, await TaskHubPartitions.CountAsync(queues, hub));
        await TaskHubPartitions.EnsureAsync(queues, hub, 2); // a new hub takes any count

        for (var i = 0; i < 4; i++)
        {
            await queues.CreateQueueAsync($"{hub}-control-{i:00}");
        }

        await queues.CreateQueueAsync($"{hub}-workitems"); // not a partition
        Assert.Equal(4, await TaskHubPartitions.CountAsync(queues, hub));
        await TaskHubPartitions.EnsureAsync(queues, hub, 4);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TaskHubPartitions.EnsureAsync(queues, hub, 6));
        Assert.Contains("Durable:PartitionCount=4", refused.Message, StringComparison.Ordinal);

        // The server itself: started on that hub with two partitions, it stops instead of serving.
        var port = Azurite.FreePort();
        using var server = ChildServer.Start(port, Path.Combine(Path.GetTempPath(), "umkmcredit-prt-" + Guid.NewGuid().ToString("N")), hub,
            _azurite.ConnectionString, settings: new Dictionary<string, string> { ["Durable__PartitionCount"] = "2" });
        using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await server.WaitForExitAsync(wait.Token);
        Assert.NotEqual(0, server.ExitCode);
        var log = string.Concat(Directory.GetFiles(RepoPaths.Artifacts, $"child-server-{hub}-*.log").Select(File.ReadAllText));
        Assert.Contains("created with 4 partitions", log, StringComparison.Ordinal);
        Assert.Equal(4, await TaskHubPartitions.CountAsync(queues, hub)); // nothing added
    }

    [Fact]
    public async Task Two_processes_share_the_hub_and_the_survivor_of_a_kill_finishes_every_instance()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "umkmcredit-scale-" + Guid.NewGuid().ToString("N"));
        var hub = "scl" + Guid.NewGuid().ToString("N")[..10];
        var (portA, portB) = (Azurite.FreePort(), Azurite.FreePort());
        using var httpA = ChildServer.Client(portA);
        using var httpB = ChildServer.Client(portB);
        using var a = ChildServer.Start(portA, outbox, hub, _azurite.ConnectionString, workerId: null);
        using var b = ChildServer.Start(portB, outbox, hub, _azurite.ConnectionString, workerId: null);
        try
        {
            await ChildServer.WaitHealthyAsync(httpA, a);
            await ChildServer.WaitHealthyAsync(httpB, b);
            var partitions = new TableClient(_azurite.ConnectionString, hub + "Partitions");

            // Both processes own partitions (distinct default worker ids; the same id would make both own all four).
            var owners = await WaitOwnersAsync(partitions, o => o.Count == 2);
            Assert.Equal(2, owners.Count);

            // A first batch through both servers: every instance runs, wherever its partition is.
            var apps = new List<(string Id, string Token)>();
            for (var i = 0; i < 6; i++)
            {
                apps.Add(await SubmitAsync(i % 2 == 0 ? httpA : httpB));
            }

            foreach (var app in apps)
            {
                await ChildServer.WaitStatusAsync(httpB, app.Id, app.Token, "InReview");
            }

            // A second batch, and process A dies (SIGKILL) right after it is accepted, with its partitions' work in flight.
            var second = new List<(string Id, string Token)>();
            for (var i = 0; i < 8; i++)
            {
                second.Add(await SubmitAsync(i % 2 == 0 ? httpA : httpB));
            }

            await ChildServer.KillAsync(a);
            apps.AddRange(second);

            // B takes A's partitions after the lease expires and finishes every instance, each exactly once.
            foreach (var app in apps)
            {
                var status = await ChildServer.WaitStatusAsync(httpB, app.Id, app.Token, "InReview");
                Assert.Equal(SubmittedThenInReview, status.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToArray());
            }

            var survivor = await WaitOwnersAsync(partitions, o => o.Count == 1);
            Assert.Single(survivor);
            Assert.DoesNotContain(survivor.Single(), owners.Except(survivor));
        }
        finally
        {
            await ChildServer.KillAsync(a);
            await ChildServer.KillAsync(b);
        }
    }

    private static async Task<(string Id, string Token)> SubmitAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), Samples.CompleteSubmission());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var body = JsonDocument.Parse(text).RootElement;
        return (body.GetProperty("applicationId").GetString()!, body.GetProperty("accessToken").GetString()!);
    }

    /// <summary>Waits until the set of partition owners satisfies <paramref name="done"/> (balancing takes a few lease periods).</summary>
    private static async Task<HashSet<string>> WaitOwnersAsync(TableClient partitions, Func<HashSet<string>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var owners = new HashSet<string>(StringComparer.Ordinal);
        while (DateTime.UtcNow < deadline)
        {
            owners.Clear();
            try
            {
                await foreach (var row in partitions.QueryAsync<TableEntity>())
                {
                    if (row.GetString("CurrentOwner") is { Length: > 0 } owner)
                    {
                        owners.Add(owner);
                    }
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // the table is created by the first worker
            }

            if (done(owners))
            {
                return owners;
            }

            await Task.Delay(500);
        }

        Assert.Fail("partition owners never reached the expected state: " + string.Join(", ", owners));
        return owners;
    }
}
