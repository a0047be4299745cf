using UmkmCredit.Domain.Webhooks;

namespace UmkmCredit.Domain.Tests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    private static readonly DateTime First = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Delays_start_at_ten_seconds_double_and_stop_growing_at_an_hour()
    {
        var s = WebhookRetrySchedule.Default;

        Assert.Equal(
            [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600],
            Enumerable.Range(1, 11).Select(n => (int)s.DelayAfter(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(1), s.DelayAfter(10_000));
    }

    [Fact]
    public void Retries_until_24_hours_have_passed_then_gives_up()
    {
        var s = WebhookRetrySchedule.Default;

        Assert.Equal(First.AddSeconds(10), s.NextAttempt(First, 1, First));
        Assert.Equal(First.AddHours(23).AddMinutes(59).AddHours(1), s.NextAttempt(First, 40, First.AddHours(23).AddMinutes(59)));
        Assert.Null(s.NextAttempt(First, 41, First.AddHours(24)));
    }

    [Fact]
    public void The_default_schedule_keeps_trying_for_at_least_24_hours()
    {
        var s = WebhookRetrySchedule.Default;
        var now = First;
        var attempts = 1;
        while (s.NextAttempt(First, attempts, now) is { } next)
        {
            now = next;
            attempts++;
        }

        Assert.True(now - First >= TimeSpan.FromHours(24), $"gave up after {now - First}");
        Assert.True(now - First < TimeSpan.FromHours(25), $"kept going until {now - First}");
        Assert.InRange(attempts, 30, 40);
    }

    [Theory]
    [InlineData(0, 60, 60, "FirstRetryDelay")]
    [InlineData(10, 5, 60, "MaxRetryDelay")]
    [InlineData(10, 60, 5, "GiveUpAfter")]
    public void Inconsistent_schedules_are_named(int first, int max, int giveUp, string key) =>
        Assert.Contains(key, new WebhookRetrySchedule(TimeSpan.FromSeconds(first), TimeSpan.FromSeconds(max), TimeSpan.FromSeconds(giveUp)).Problem(), StringComparison.Ordinal);

    [Fact]
    public void The_default_schedule_is_consistent() => Assert.Null(WebhookRetrySchedule.Default.Problem());
}
