using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// Where an intake request's time goes, from the process's own Activity timings (OpenTelemetry's raw material): every
/// outgoing HTTP call (<c>System.Net.Http</c> — the Azure SDK's storage round trips and the engine client's gRPC calls to
/// the embedded sidecar) and every incoming one (<c>Microsoft.AspNetCore</c> — the API and the sidecar), joined by trace
/// and parent span. A call under a benchmark POST is on the request path; everything else is the engine's own work (the
/// orchestrations the load started, queue polling). Also the CPU used by this process and by Azurite in the window.
/// </summary>
internal sealed class IntakeBreakdown : IDisposable
{
    private readonly ConcurrentQueue<Span> _spans = new();
    private readonly ActivityListener _listener;
    private readonly Dictionary<int, string> _ports;
    private readonly Stopwatch _window = Stopwatch.StartNew();
    private readonly TimeSpan _cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly int[] _azurite;
    private readonly long _azuriteTicksStart;
    private volatile bool _recording = true;

    public IntakeBreakdown(string storageConnectionString)
    {
        _ports = new Dictionary<int, string>();
        foreach (var part in storageConnectionString.Split(';'))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2 && kv[0].EndsWith("Endpoint", StringComparison.Ordinal) && Uri.TryCreate(kv[1], UriKind.Absolute, out var uri))
            {
                _ports[uri.Port] = kv[0].Replace("Endpoint", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            }
        }

        _azurite = ChildProcesses("node");
        _azuriteTicksStart = _azurite.Sum(CpuTicks);
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true, // the engine client's own spans sit between the request and its gRPC calls
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (_recording)
                {
                    _spans.Enqueue(new Span(a.TraceId.ToString(), a.SpanId.ToString(), a.ParentSpanId.ToString(), a.Source.Name,
                        a.GetTagItem("url.full") as string ?? a.GetTagItem("url.path") as string ?? a.DisplayName,
                        a.GetTagItem("http.request.method") as string ?? string.Empty,
                        a.GetTagItem("http.response.status_code") is { } s ? Convert.ToInt32(s, CultureInfo.InvariantCulture) : 0,
                        a.StartTimeUtc, a.Duration.TotalMilliseconds));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Stops recording and prints the breakdown.</summary>
    public string Report()
    {
        _recording = false;
        var seconds = _window.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - _cpuStart).TotalSeconds;
        var azuriteCpu = (_azurite.Sum(CpuTicks) - _azuriteTicksStart) / 100.0; // USER_HZ
        var spans = _spans.ToArray();
        if (Environment.GetEnvironmentVariable("INTAKE_SPANS") is { Length: > 0 } dump)
        {
            File.WriteAllLines(dump, spans.Select(s => string.Join('\t', s.TraceId, s.SpanId, s.ParentId, s.Source, s.Method, s.Url, s.Status,
                s.Start.ToString("O", CultureInfo.InvariantCulture), s.Ms.ToString(CultureInfo.InvariantCulture))));
        }

        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var children = spans.Where(s => s.ParentId != "0000000000000000").ToLookup(s => s.ParentId);

        // The benchmark's own POSTs: outgoing calls to the API's /api/applications.
        var posts = spans.Where(s => s.Source == "System.Net.Http" && s.Method == "POST" && s.Url.EndsWith("/api/applications", StringComparison.Ordinal)).ToArray();
        var onPath = new HashSet<string>();
        var rows = new Dictionary<string, (int Calls, double Ms, int Failed)>();
        var serverMs = 0.0;
        foreach (var post in posts)
        {
            var server = children[post.SpanId].FirstOrDefault(c => c.Source == "Microsoft.AspNetCore");
            if (server is null)
            {
                continue;
            }

            serverMs += server.Ms;
            Walk(server, 0);
        }

        void Walk(Span parent, int depth)
        {
            foreach (var c in children[parent.SpanId])
            {
                onPath.Add(c.SpanId);
                if (c.Source == "System.Net.Http")
                {
                    var label = (depth > 0 ? "  sidecar → " : string.Empty) + Label(c);
                    var r = rows.GetValueOrDefault(label);
                    rows[label] = (r.Calls + 1, r.Ms + c.Ms, r.Failed + (c.Status >= 400 ? 1 : 0));
                    Walk(c, depth);
                }
                else
                {
                    // The sidecar's server span: what it does is nested under the gRPC call. Other spans pass through.
                    Walk(c, c.Source == "Microsoft.AspNetCore" ? depth + 1 : depth);
                }
            }
        }

        var n = Math.Max(1, posts.Length);
        var sb = new StringBuilder();
        sb.AppendLine(FormattableString.Invariant($"breakdown: {posts.Length} requests, server time {serverMs / n:F1} ms/request (mean)"));
        sb.AppendLine("| call on the request path | calls/request | ms/call | ms/request | failed (4xx) |");
        sb.AppendLine("|---|---|---|---|---|");
        var direct = 0.0;
        foreach (var (label, r) in rows.OrderBy(r => r.Key.StartsWith(' ')).ThenByDescending(r => r.Value.Ms))
        {
            if (!label.StartsWith(' '))
            {
                direct += r.Ms;
            }

            sb.AppendLine(FormattableString.Invariant($"| {label} | {r.Calls / (double)n:F2} | {r.Ms / Math.Max(1, r.Calls):F1} | {r.Ms / n:F1} | {r.Failed / (double)n:F2} |"));
        }

        sb.AppendLine(FormattableString.Invariant($"| (server time outside any outgoing call) | | | {(serverMs - direct) / n:F1} | |"));
        var background = spans.Where(s => s.Source == "System.Net.Http" && !onPath.Contains(s.SpanId) && !posts.Contains(s)).ToArray();
        sb.AppendLine(FormattableString.Invariant($"background (engine, orchestrations, polling): {background.Length / seconds:F0} storage/gRPC calls/s, {background.Sum(b => b.Ms) / 1000 / seconds:F2} call-seconds/s"));
        foreach (var g in background.GroupBy(Label).OrderByDescending(g => g.Count()).Take(12))
        {
            sb.AppendLine(FormattableString.Invariant($"  {g.Key}: {g.Count() / seconds:F1}/s, {g.Average(b => b.Ms):F1} ms/call"));
        }

        sb.AppendLine(FormattableString.Invariant($"cpu: this process {cpu / seconds:F2} cores, azurite {azuriteCpu / seconds:F2} cores over {seconds:F1} s"));
        return sb.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private string Label(Span s)
    {
        if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var uri))
        {
            return s.Method + " " + s.Url;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (_ports.TryGetValue(uri.Port, out var service))
        {
            // Path style: /devstoreaccount1/<table or container or queue>/...
            var name = segments.Length > 1 ? segments[1] : string.Empty;
            var paren = name.IndexOf('(', StringComparison.Ordinal);
            name = paren >= 0 ? name[..paren] : name;
            name = System.Text.RegularExpressions.Regex.Replace(name, "[0-9a-f]{12,}", "*");
            var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
            return $"{service} {s.Method} {name}{(comp is null ? string.Empty : "?comp=" + comp)}";
        }

        return "grpc " + segments[^1];
    }

    private static int[] ChildProcesses(string command)
    {
        var me = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                if (fields[1] == me && stat.Contains("(" + command, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }

        return [.. found];
    }

    private static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private sealed record Span(string TraceId, string SpanId, string ParentId, string Source, string Url, string Method, int Status, DateTime Start, double Ms);
}
