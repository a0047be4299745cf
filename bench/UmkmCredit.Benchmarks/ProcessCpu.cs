using System.Diagnostics;
using System.Globalization;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// CPU time used by this process and every process it started (Azurite), from <c>/proc</c> on Linux (this process
/// alone elsewhere). On a machine shared with other work the wall-clock figures depend on the others; the CPU a run
/// costs does not, and CPU seconds per application bound the throughput two dedicated cores can give.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>The one-minute load average (Linux), "?" elsewhere.</summary>
    public static string Load() => OperatingSystem.IsLinux() ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>CPU time of this process and its descendants so far.</summary>
    public static TimeSpan OfTree() => Process.GetCurrentProcess().TotalProcessorTime + OfChildren();

    /// <summary>CPU time of the processes this one started (Azurite), zero where <c>/proc</c> is missing.</summary>
    public static TimeSpan OfChildren()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        var parents = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": state ppid ...
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime + stime
                parents[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // the process ended meanwhile
            }
        }

        var me = Environment.ProcessId;
        long children = 0;
        foreach (var (pid, (_, ticks)) in parents)
        {
            for (var p = pid; parents.TryGetValue(p, out var up) && p != me; p = up.Parent)
            {
                if (up.Parent == me)
                {
                    children += ticks;
                    break;
                }
            }
        }

        return TimeSpan.FromSeconds(children / 100.0); // USER_HZ is 100 on Linux
    }
}
