using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Governance;

namespace UmkmCredit.Domain.Tests.Governance;

public sealed class ActiveApplicationRuleTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.AwaitingDocuments)]
    [InlineData(ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.RevisionRequested)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.AwaitingSignatures)]
    public void An_active_holder_keeps_the_NIK(ApplicationStatus status) =>
        Assert.False(ActiveApplicationRule.MayTake(new NikClaimView("other", false, Now.AddDays(-30), true, status), "mine", Now));

    [Theory]
    [InlineData(ApplicationStatus.Completed)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Expired)]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Cancelled)]
    public void A_final_holder_that_never_released_may_be_taken_over(ApplicationStatus status) =>
        Assert.True(ActiveApplicationRule.MayTake(new NikClaimView("other", false, Now.AddMinutes(-1), true, status), "mine", Now));

    [Fact]
    public void A_released_claim_is_free() =>
        Assert.True(ActiveApplicationRule.MayTake(new NikClaimView("other", true, Now, false, null), "mine", Now));

    [Fact]
    public void The_same_application_may_take_its_own_claim_again() =>
        Assert.True(ActiveApplicationRule.MayTake(new NikClaimView("mine", false, Now, false, null), "mine", Now));

    [Fact]
    public void A_stored_holder_without_a_recorded_status_is_active() =>
        Assert.False(ActiveApplicationRule.MayTake(new NikClaimView("other", false, Now.AddDays(-1), true, null), "mine", Now));

    [Fact]
    public void A_holder_that_never_stored_its_application_counts_until_the_grace_ends()
    {
        var grace = ActiveApplicationRule.UnstoredGrace;

        Assert.False(ActiveApplicationRule.MayTake(new NikClaimView("other", false, Now - grace + TimeSpan.FromSeconds(1), false, null), "mine", Now));
        Assert.True(ActiveApplicationRule.MayTake(new NikClaimView("other", false, Now - grace, false, null), "mine", Now));
    }

    [Fact]
    public void The_message_names_the_reference_and_the_lookup_page()
    {
        var message = ActiveApplicationRule.Message("UMKM-6571-2026-000123");

        Assert.Contains("UMKM-6571-2026-000123", message, StringComparison.Ordinal);
        Assert.Contains("Lupa tautan?", message, StringComparison.Ordinal);
        Assert.Contains("Lupa tautan?", ActiveApplicationRule.Message(null), StringComparison.Ordinal);
        Assert.Equal("nik.activeApplication", ActiveApplicationRule.Code);
    }
}
