using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// The storage floor of one submission: the writes a submission cannot avoid, straight against a private Azurite with
/// the Azure SDK at the intake benchmark's concurrency — no server, no engine. Run after the intake benchmark in the
/// same invocation, it prints both figures and their ratio.
/// </summary>
internal static class IntakeFloorBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var concurrency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 16;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var (intakeCode, intake) = await IntakeBenchmark.MeasureAsync(concurrency, TimeSpan.FromSeconds(seconds));
        var floor = await MeasureFloorAsync(concurrency, TimeSpan.FromSeconds(seconds));
        var floorRps = floor.Count / (double)seconds;
        Console.WriteLine(FormattableString.Invariant(
            $"intake: rps={intake.Rps:F1} p50_ms={Stats.Percentile(intake.Latencies, 50):F0} p99_ms={Stats.Percentile(intake.Latencies, 99):F0} floor_rps={floorRps:F1} floor_p50_ms={Stats.Percentile(floor, 50):F0} floor_p99_ms={Stats.Percentile(floor, 99):F0} ratio={intake.Rps / floorRps:F2}"));
        return intakeCode;
    }

    /// <summary>
    /// Six round trips per submission: idempotency row (insert), application blob (If-None-Match: *), audit append blob
    /// (create + append), index row (upsert), one queue message (the orchestration start's control-queue message).
    /// </summary>
    private static async Task<List<double>> MeasureFloorAsync(int concurrency, TimeSpan duration)
    {
        await using var azurite = await Azurite.StartAsync();
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var applications = blobs.GetBlobContainerClient("applications");
        var audit = blobs.GetBlobContainerClient("audit");
        await applications.CreateIfNotExistsAsync();
        await audit.CreateIfNotExistsAsync();
        var idempotency = new TableClient(azurite.ConnectionString, "idempotency");
        var index = new TableClient(azurite.ConnectionString, "applicationindex");
        await idempotency.CreateIfNotExistsAsync();
        await index.CreateIfNotExistsAsync();
        var queue = new QueueClient(azurite.ConnectionString, "floor-control-00");
        await queue.CreateIfNotExistsAsync();
        var body = Encoding.UTF8.GetBytes(Samples.Application().ToJsonString());

        async Task<double> OnceAsync()
        {
            var id = Guid.NewGuid().ToString("N");
            var sw = Stopwatch.StartNew();
            await idempotency.AddEntityAsync(new TableEntity(id[..2], id) { ["ApplicationId"] = id, ["BodyHash"] = id });
            await applications.GetBlobClient($"{id}/application.json").UploadAsync(
                new BinaryData(body), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
            var log = audit.GetAppendBlobClient($"{id}.jsonl");
            await log.CreateIfNotExistsAsync();
            using (var entry = new MemoryStream(Encoding.UTF8.GetBytes("{\"event\":\"application.submitted\"}\n")))
            {
                await log.AppendBlockAsync(entry);
            }

            await index.UpsertEntityAsync(new TableEntity("6571", id) { ["Status"] = "Submitted", ["Amount"] = 50_000_000L });
            await queue.SendMessageAsync("{\"instance\":\"" + id + "\"}");
            return sw.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 20; i++)
        {
            await OnceAsync(); // warm-up
        }

        var latencies = new List<double>();
        var stop = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (DateTime.UtcNow < stop)
            {
                var ms = await OnceAsync();
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        }));
        return latencies;
    }
}
