using System.Globalization;
using System.Text;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// Durations of a workflow's steps by kind. A step runs from the moment a person acts (the first request of the
/// action is sent) until the next person's message is in the outbox (the message file's write time), so the figure
/// does not depend on how often the outbox is polled. Thread-safe.
/// </summary>
internal sealed class StepTimer
{
    private readonly Lock _gate = new();
    private readonly List<(string Kind, double Ms)> _steps = [];

    /// <summary>Records a step of <paramref name="kind"/> that began at <paramref name="startedUtc"/> and ended at <paramref name="endedUtc"/>.</summary>
    public double Record(string kind, DateTime startedUtc, DateTime endedUtc)
    {
        var ms = Math.Max(0, (endedUtc - startedUtc).TotalMilliseconds);
        lock (_gate)
        {
            _steps.Add((kind, ms));
        }

        return ms;
    }

    /// <summary>Durations of the given kinds (all kinds when none is given).</summary>
    public IReadOnlyList<double> Durations(params string[] kinds)
    {
        lock (_gate)
        {
            return _steps.Where(s => kinds.Length == 0 || kinds.Contains(s.Kind)).Select(s => s.Ms).ToList();
        }
    }

    /// <summary>Kinds in the order they were first recorded.</summary>
    public IReadOnlyList<string> Kinds()
    {
        lock (_gate)
        {
            return _steps.Select(s => s.Kind).Distinct().ToList();
        }
    }

    /// <summary>One line: <c>kind=p50/p95</c> in milliseconds for every kind.</summary>
    public string Breakdown()
    {
        var line = new StringBuilder();
        foreach (var kind in Kinds())
        {
            var d = Durations(kind);
            line.Append(CultureInfo.InvariantCulture, $" {kind}_p50/p95_ms={Stats.Percentile(d, 50):F0}/{Stats.Percentile(d, 95):F0}");
        }

        return line.ToString().TrimStart();
    }
}
