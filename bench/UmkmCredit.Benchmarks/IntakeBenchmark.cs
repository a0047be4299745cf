using System.Diagnostics;
using System.Globalization;
using System.Net;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Benchmarks;

/// <summary>Submits applications to the real server on a private Azurite at a fixed concurrency for a fixed time.</summary>
internal static class IntakeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var concurrency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 16;
        var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
        await using var azurite = await Azurite.StartAsync();
        await using var server = await ServerInstance.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimits:Enabled"] = "false", // one address submits thousands
        });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        async Task<double?> SubmitOnce()
        {
            var body = Samples.Application().ToJsonString(); // another person each time: one active application per NIK
            var sw = Stopwatch.StartNew();
            using var response = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            return response.StatusCode == HttpStatusCode.Accepted ? sw.Elapsed.TotalMilliseconds : null;
        }

        for (var i = 0; i < 20; i++)
        {
            await SubmitOnce(); // warm-up
        }

        var latencies = new List<double>();
        var errors = 0;
        var stop = DateTime.UtcNow + duration;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (DateTime.UtcNow < stop)
            {
                var ms = await SubmitOnce();
                lock (latencies)
                {
                    if (ms is { } v)
                    {
                        latencies.Add(v);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
        }));
        var rps = latencies.Count / total.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"intake: rps={rps:F1} p50_ms={Stats.Percentile(latencies, 50):F0} p95_ms={Stats.Percentile(latencies, 95):F0} p99_ms={Stats.Percentile(latencies, 99):F0}") + (errors > 0 ? FormattableString.Invariant($" errors={errors}") : string.Empty));
        return errors == 0 ? 0 : 1;
    }
}
