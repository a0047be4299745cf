using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Privacy;

namespace UmkmCredit.Domain.Tests.Privacy;

public sealed class PersonalDataRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 19, 0, 0, DateTimeKind.Utc);
    private static readonly RetentionPeriods Periods = new(TimeSpan.FromDays(730), TimeSpan.FromDays(3653));

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.AwaitingDocuments)]
    [InlineData(ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.RevisionRequested)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.AwaitingSignatures)]
    public void An_active_application_may_not_be_erased(ApplicationStatus status)
    {
        var check = PersonalDataRules.MayErase(status, hasSignedAgreement: false);
        Assert.False(check.Allowed);
        Assert.Contains("masih berjalan", check.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Expired)]
    [InlineData(ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Cancelled)]
    public void A_final_application_without_a_signed_agreement_may_be_erased(ApplicationStatus status) =>
        Assert.True(PersonalDataRules.MayErase(status, hasSignedAgreement: false).Allowed);

    [Theory]
    [InlineData(ApplicationStatus.Completed, false)]
    [InlineData(ApplicationStatus.Completed, true)]
    [InlineData(ApplicationStatus.Withdrawn, true)]
    public void A_signed_agreement_is_kept(ApplicationStatus status, bool signed)
    {
        var check = PersonalDataRules.MayErase(status, signed);
        Assert.False(check.Allowed);
        Assert.Contains("ditandatangani", check.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Active_applications_are_never_purged_however_old() =>
        Assert.Equal(RetentionVerdict.Active, PersonalDataRules.Retention(ApplicationStatus.InReview, false, Now.AddYears(-20), Now, Periods));

    [Theory]
    [InlineData(729, RetentionVerdict.Keep)]
    [InlineData(730, RetentionVerdict.Purge)]
    [InlineData(731, RetentionVerdict.Purge)]
    public void A_final_unsigned_application_is_purged_after_its_period(int daysAgo, RetentionVerdict expected) =>
        Assert.Equal(expected, PersonalDataRules.Retention(ApplicationStatus.Withdrawn, false, Now.AddDays(-daysAgo), Now, Periods));

    [Theory]
    [InlineData(731, RetentionVerdict.Keep)]
    [InlineData(3652, RetentionVerdict.Keep)]
    [InlineData(3653, RetentionVerdict.Purge)]
    public void A_signed_agreement_is_kept_for_the_longer_period(int daysAgo, RetentionVerdict expected)
    {
        Assert.Equal(expected, PersonalDataRules.Retention(ApplicationStatus.Completed, true, Now.AddDays(-daysAgo), Now, Periods));
        Assert.Equal(expected, PersonalDataRules.Retention(ApplicationStatus.Completed, false, Now.AddDays(-daysAgo), Now, Periods));
    }

    [Fact]
    public void A_zero_period_purges_at_once() =>
        Assert.Equal(RetentionVerdict.Purge, PersonalDataRules.Retention(ApplicationStatus.Rejected, false, Now, Now, Periods with { FinalApplications = TimeSpan.Zero }));
}
