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
        var (code, result) = await MeasureAsync(concurrency, duration, args.Contains("--breakdown"));
        Console.WriteLine(FormattableString.Invariant(
            $"intake: rps={result.Rps:F1} p50_ms={Stats.Percentile(result.Latencies, 50):F0} p95_ms={Stats.Percentile(result.Latencies, 95):F0} p99_ms={Stats.Percentile(result.Latencies, 99):F0}") + (result.Errors > 0 ? FormattableString.Invariant($" errors={result.Errors}") : string.Empty));
        return code;
    }

    /// <summary>Submissions per second and their latencies at <paramref name="concurrency"/> clients for <paramref name="duration"/>.</summary>
    /// <remarks><paramref name="breakdown"/>: also record where the time goes (the Activity breakdown, printed at the end).</remarks>
    public static async Task<(int Code, IntakeResult Result)> MeasureAsync(int concurrency, TimeSpan duration, bool breakdown = false)
    {
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

        using var probe = breakdown ? new IntakeBreakdown(azurite.ConnectionString) : null;
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
        if (probe is not null)
        {
            Console.WriteLine(probe.Report());
        }

        return (errors == 0 ? 0 : 1, new IntakeResult(rps, latencies, errors));
    }
}

/// <summary>What the intake benchmark measured.</summary>
internal sealed record IntakeResult(double Rps, IReadOnlyList<double> Latencies, int Errors);
