using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Ports;

/// <summary>
/// Limits submissions per NIK. The NIK is inside the body, so the limit is taken by the submit command (after the
/// form is valid) and holds in both hosts, not in the HTTP pipeline.
/// </summary>
public interface ISubmissionThrottle
{
    /// <summary>Takes one permit for <paramref name="nik"/>: null when allowed, else how long to wait.</summary>
    TimeSpan? TryAcquire(string nik);
}

/// <summary>
/// The in-process <see cref="ISubmissionThrottle"/>: a fixed window per NIK (keyed by its SHA-256, never the NIK itself),
/// <c>RateLimits:SubmissionsPerNik</c> per <c>RateLimits:SubmissionWindow</c>. Per process: several Functions instances
/// each count their own, which bounds a burst by instances × limit.
/// </summary>
public sealed class InMemorySubmissionThrottle(IOptions<RateLimitOptions> options, TimeProvider time) : ISubmissionThrottle
{
    private readonly Dictionary<string, (DateTime Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public TimeSpan? TryAcquire(string nik)
    {
        var limits = options.Value;
        if (!limits.Enabled)
        {
            return null;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nik)));
        var now = time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (_windows.Count > 10_000)
            {
                foreach (var stale in _windows.Where(w => now - w.Value.Start >= limits.SubmissionWindow).Select(w => w.Key).ToList())
                {
                    _windows.Remove(stale);
                }
            }

            if (!_windows.TryGetValue(key, out var window) || now - window.Start >= limits.SubmissionWindow)
            {
                window = (now, 0);
            }

            if (window.Count >= limits.SubmissionsPerNik)
            {
                return window.Start + limits.SubmissionWindow - now;
            }

            _windows[key] = (window.Start, window.Count + 1);
            return null;
        }
    }
}
