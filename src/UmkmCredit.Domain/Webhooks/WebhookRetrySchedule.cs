namespace UmkmCredit.Domain.Webhooks;

/// <summary>
/// When a failed webhook delivery is tried again: the first retry after <c>first</c>, each later one after twice the
/// previous delay, never more than <c>max</c> apart; once <c>giveUpAfter</c> has passed since the first attempt, a
/// failed attempt is the last (the delivery is then Failed).
/// </summary>
public sealed record WebhookRetrySchedule(TimeSpan First, TimeSpan Max, TimeSpan GiveUpAfter)
{
    /// <summary>The shipped schedule: 10 s doubling, at most an hour apart, for 24 hours.</summary>
    public static WebhookRetrySchedule Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    /// <summary>Null when the schedule is consistent, else why not.</summary>
    public string? Problem() =>
        First <= TimeSpan.Zero ? "Webhooks:FirstRetryDelay must be positive."
        : Max < First ? "Webhooks:MaxRetryDelay must not be shorter than Webhooks:FirstRetryDelay."
        : GiveUpAfter < First ? "Webhooks:GiveUpAfter must not be shorter than Webhooks:FirstRetryDelay."
        : null;

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt (1-based).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var delay = First;
        for (var i = 1; i < failedAttempts && delay < Max; i++)
        {
            delay += delay;
        }

        return delay > Max ? Max : delay;
    }

    /// <summary>
    /// The time of the next attempt after a failed one at <paramref name="nowUtc"/>, or null when the delivery has been
    /// tried for <see cref="GiveUpAfter"/> since <paramref name="firstAttemptUtc"/> and is given up.
    /// </summary>
    public DateTime? NextAttempt(DateTime firstAttemptUtc, int failedAttempts, DateTime nowUtc) =>
        nowUtc - firstAttemptUtc >= GiveUpAfter ? null : nowUtc + DelayAfter(failedAttempts);
}
