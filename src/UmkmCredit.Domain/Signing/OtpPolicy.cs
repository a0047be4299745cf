namespace UmkmCredit.Domain.Signing;

/// <summary>Where a link's one-time code stands before a presented code is compared.</summary>
public enum OtpReadiness
{
    /// <summary>A live code exists and the link is not locked: compare it.</summary>
    Ready,

    /// <summary>No code was requested yet.</summary>
    NotIssued,

    /// <summary>The code is past its lifetime.</summary>
    Expired,

    /// <summary>Too many wrong codes: the link is locked for good (an administrator re-issues).</summary>
    Locked,
}

/// <summary>
/// The one-time-code policy of signing: a 6-digit code lives 10 minutes, 5 wrong codes lock the link for
/// good, and requesting a new code never resets the failure count.
/// </summary>
public static class OtpPolicy
{
    /// <summary>Wrong codes before the link locks.</summary>
    public const int MaxFailures = 5;

    /// <summary>Digits of a code.</summary>
    public const int Digits = 6;

    /// <summary>How long a code lives.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(10);

    /// <summary>True when the link is locked by wrong codes.</summary>
    public static bool IsLocked(int failures) => failures >= MaxFailures;

    /// <summary>A new code may be sent unless the link is locked.</summary>
    public static bool MayIssue(int failures) => !IsLocked(failures);

    /// <summary>Default shortest time between two code e-mails for one link.</summary>
    public static TimeSpan MinIssueInterval { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long to wait before another code may be mailed for a link whose last code expires at
    /// <paramref name="lastExpiresAtUtc"/> (issued <see cref="Lifetime"/> earlier); null when one may be sent now.
    /// </summary>
    public static TimeSpan? WaitBeforeIssue(DateTime? lastExpiresAtUtc, TimeSpan interval, DateTime nowUtc)
    {
        if (lastExpiresAtUtc is not { } expires || interval <= TimeSpan.Zero)
        {
            return null;
        }

        var next = expires - Lifetime + interval;
        return next > nowUtc ? next - nowUtc : null;
    }

    /// <summary>When a code issued now expires.</summary>
    public static DateTime ExpiresAt(DateTime issuedAtUtc) => issuedAtUtc + Lifetime;

    /// <summary>What to do with a presented code, given the stored state (null when none was ever issued).</summary>
    public static OtpReadiness Readiness(bool issued, DateTime expiresAtUtc, int failures, DateTime nowUtc) =>
        IsLocked(failures) ? OtpReadiness.Locked
        : !issued ? OtpReadiness.NotIssued
        : expiresAtUtc < nowUtc ? OtpReadiness.Expired
        : OtpReadiness.Ready;

    /// <summary>Wrong codes still allowed after <paramref name="failures"/>.</summary>
    public static int Remaining(int failures) => Math.Max(0, MaxFailures - failures);

    /// <summary>True for exactly <see cref="Digits"/> ASCII digits.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);
}
