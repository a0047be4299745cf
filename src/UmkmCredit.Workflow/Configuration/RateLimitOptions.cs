using System.ComponentModel.DataAnnotations;

namespace UmkmCredit.Workflow.Configuration;

/// <summary>
/// <c>RateLimits:*</c> — how often one client address, one NIK or one signing link may act.
/// <c>Enabled = false</c> turns every limit off (test and benchmark runs that submit many applications from one address).
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "RateLimits";

    /// <summary>All limits on (default) or off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Submissions one client address may make per <see cref="SubmissionWindow"/> (standalone server; Front Door in Azure).</summary>
    [Range(1, 100_000)] public int SubmissionsPerAddress { get; set; } = 20;

    /// <summary>Submissions carrying one NIK per <see cref="SubmissionWindow"/> (both hosts: the submit command).</summary>
    [Range(1, 10_000)] public int SubmissionsPerNik { get; set; } = 3;

    /// <summary>The window of both submission limits.</summary>
    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Look-ups one client address may make per <see cref="LookupWindow"/> (routes whose name starts with <c>Lookup</c>).</summary>
    [Range(1, 100_000)] public int LookupsPerAddress { get; set; } = 30;

    /// <summary>The window of the look-up limit.</summary>
    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shortest time between two one-time-code e-mails for one signing link (default one minute).</summary>
    public TimeSpan OtpInterval { get; set; } = TimeSpan.FromMinutes(1);
}
