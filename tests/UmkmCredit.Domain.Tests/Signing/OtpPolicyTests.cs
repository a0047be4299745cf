using UmkmCredit.Domain.Signing;

namespace UmkmCredit.Domain.Tests.Signing;

public sealed class OtpPolicyTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_code_lives_ten_minutes() => Assert.Equal(Now.AddMinutes(10), OtpPolicy.ExpiresAt(Now));

    [Fact]
    public void A_live_code_is_ready_to_compare() =>
        Assert.Equal(OtpReadiness.Ready, OtpPolicy.Readiness(true, Now.AddMinutes(5), 0, Now));

    [Fact]
    public void No_code_requested_yet() =>
        Assert.Equal(OtpReadiness.NotIssued, OtpPolicy.Readiness(false, default, 0, Now));

    [Fact]
    public void An_old_code_has_expired() =>
        Assert.Equal(OtpReadiness.Expired, OtpPolicy.Readiness(true, Now.AddSeconds(-1), 0, Now));

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(9, true)]
    public void Five_wrong_codes_lock_the_link_for_good(int failures, bool locked)
    {
        Assert.Equal(locked, OtpPolicy.IsLocked(failures));
        Assert.Equal(!locked, OtpPolicy.MayIssue(failures));
        Assert.Equal(locked, OtpPolicy.Readiness(true, Now.AddMinutes(5), failures, Now) == OtpReadiness.Locked);
    }

    [Fact]
    public void A_locked_link_refuses_even_before_a_code_exists() =>
        Assert.Equal(OtpReadiness.Locked, OtpPolicy.Readiness(false, default, OtpPolicy.MaxFailures, Now));

    [Theory]
    [InlineData(0, 5)]
    [InlineData(3, 2)]
    [InlineData(7, 0)]
    public void Remaining_attempts_count_down_to_zero(int failures, int remaining) =>
        Assert.Equal(remaining, OtpPolicy.Remaining(failures));

    [Theory]
    [InlineData("123456", true)]
    [InlineData("012345", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12a456", false)]
    [InlineData("١٢٣٤٥٦", false)]
    [InlineData(null, false)]
    public void A_code_is_six_ascii_digits(string? code, bool ok) => Assert.Equal(ok, OtpPolicy.IsWellFormed(code));

    [Theory]
    [InlineData(0, 60)]
    [InlineData(59, 1)]
    [InlineData(60, null)]
    [InlineData(600, null)]
    public void Another_code_mail_waits_a_minute_after_the_last_issue(int secondsSinceIssue, int? waitSeconds)
    {
        var issued = new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var wait = OtpPolicy.WaitBeforeIssue(OtpPolicy.ExpiresAt(issued), OtpPolicy.MinIssueInterval, issued.AddSeconds(secondsSinceIssue));
        Assert.Equal(waitSeconds is { } w ? TimeSpan.FromSeconds(w) : null, wait);
    }

    [Fact]
    public void The_first_code_and_a_zero_interval_never_wait()
    {
        var now = new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.Null(OtpPolicy.WaitBeforeIssue(null, OtpPolicy.MinIssueInterval, now));
        Assert.Null(OtpPolicy.WaitBeforeIssue(OtpPolicy.ExpiresAt(now), TimeSpan.Zero, now));
    }
}
