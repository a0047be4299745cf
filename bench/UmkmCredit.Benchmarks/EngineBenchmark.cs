using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.Server.Engine;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// 200 orchestrations × 3 sequential activities through the embedded engine on a private Azurite.
/// Latency comes from the stored created/last-updated timestamps, not from polling.
/// </summary>
internal static class EngineBenchmark
{
    private const string Orchestration = "BenchChain";

    public static async Task<int> RunAsync(string[] args)
    {
        var positional = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToArray();
        var count = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 200;
        await using var azurite = await Azurite.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Durable:TaskHub"] = "bench" + Guid.NewGuid().ToString("N")[..8],
            ["Durable:WorkerId"] = "bench-worker",
        });
        foreach (var pair in args.Where(a => a.Contains('=', StringComparison.Ordinal)))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            builder.Configuration[pair[..at]] = pair[(at + 1)..]; // e.g. Durable:PartitionCount=8
        }

        builder.Services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddSingleton<EmbeddedSidecar>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedSidecar>());
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(r =>
            {
                r.AddOrchestratorFunc<int, int>(Orchestration, async (ctx, n) =>
                {
                    var a = await ctx.CallActivityAsync<int>("Step1", n);
                    var b2 = await ctx.CallActivityAsync<int>("Step2", a);
                    return await ctx.CallActivityAsync<int>("Step3", b2);
                });
                r.AddActivityFunc<int, int>("Step1", (_, n) => n + 1);
                r.AddActivityFunc<int, int>("Step2", (_, n) => n * 2);
                r.AddActivityFunc<int, int>("Step3", (_, n) => n - 1);
            });
            b.UseGrpc();
        });
        builder.Services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName).Configure<EmbeddedSidecar>((o, s) => o.Channel = s.Channel());
        builder.Services.AddOptions<DurableTaskWorkerOptions>(Options.DefaultName).Configure<IOptions<EngineOptions>>((o, e) =>
        {
            // as the server does: the worker takes as many work items as the engine hands out
            o.Concurrency.MaximumConcurrentActivityWorkItems = e.Value.MaxConcurrentActivities;
            o.Concurrency.MaximumConcurrentOrchestrationWorkItems = e.Value.MaxConcurrentOrchestrations;
        });
        builder.Services.AddDurableTaskClient(b => b.UseGrpc());
        builder.Services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName).Configure<EmbeddedSidecar>((o, s) => o.Channel = s.Channel());
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        // warm-up
        var warm = await client.ScheduleNewOrchestrationInstanceAsync(Orchestration, 1);
        await client.WaitForInstanceCompletionAsync(warm);

        var cpuBefore = ProcessCpu.OfTree();
        var storageCpuBefore = ProcessCpu.OfChildren();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.ScheduleNewOrchestrationInstanceAsync(Orchestration, i)));
        var results = await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id)));
        var failed = results.Count(r => r.RuntimeStatus != OrchestrationRuntimeStatus.Completed);
        var first = results.Min(r => r.CreatedAt);
        var last = results.Max(r => r.LastUpdatedAt);
        var latencies = results.Select(r => (r.LastUpdatedAt - r.CreatedAt).TotalMilliseconds).ToList();
        var perSecond = count / (last - first).TotalSeconds;
        var cpuPerOrchestration = (ProcessCpu.OfTree() - cpuBefore).TotalMilliseconds / count;
        var storageCpuPerOrchestration = (ProcessCpu.OfChildren() - storageCpuBefore).TotalMilliseconds / count;
        Console.WriteLine(FormattableString.Invariant(
            $"engine: orchestrations_per_s={perSecond:F1} p50_ms={Stats.Percentile(latencies, 50):F0} p95_ms={Stats.Percentile(latencies, 95):F0} cpu_ms_per_orchestration={cpuPerOrchestration:F1} of_which_azurite_ms={storageCpuPerOrchestration:F1} load={ProcessCpu.Load()}") + (failed > 0 ? FormattableString.Invariant($" failed={failed}") : string.Empty));
        await host.StopAsync();
        return failed == 0 ? 0 : 1;
    }
}
