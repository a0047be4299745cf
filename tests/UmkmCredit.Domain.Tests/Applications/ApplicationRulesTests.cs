using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Tests.Applications;

public sealed class ApplicationRulesTests
{
    public static TheoryData<ApplicationStatus> AllStatuses()
    {
        var data = new TheoryData<ApplicationStatus>();
        foreach (var s in Enum.GetValues<ApplicationStatus>())
        {
            data.Add(s);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Documents_change_only_before_review_or_during_a_revision(ApplicationStatus status)
    {
        var expected = status is ApplicationStatus.Submitted or ApplicationStatus.AwaitingDocuments or ApplicationStatus.RevisionRequested;
        var check = ApplicationRules.MayChangeDocuments(status);
        Assert.Equal(expected, check.Allowed);
        if (!expected)
        {
            Assert.Contains(status.Label(), check.Refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Resubmission_only_when_a_revision_was_requested(ApplicationStatus status) =>
        Assert.Equal(status == ApplicationStatus.RevisionRequested, ApplicationRules.MayResubmit(status).Allowed);

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Withdrawal_and_cancellation_are_allowed_until_the_application_is_final(ApplicationStatus status)
    {
        Assert.Equal(!status.IsTerminal(), ApplicationRules.MayWithdraw(status).Allowed);
        Assert.Equal(!status.IsTerminal(), ApplicationRules.MayCancel(status).Allowed);
        Assert.Equal(status.IsTerminal(), ApplicationRules.MayWithdraw(status).Refusal is not null);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Reassignment_and_review_decisions_only_in_review(ApplicationStatus status)
    {
        Assert.Equal(status == ApplicationStatus.InReview, ApplicationRules.MayReassign(status).Allowed);
        Assert.Equal(status == ApplicationStatus.InReview, ApplicationRules.MayDecideReview(status).Allowed);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.InReview, true)]
    [InlineData(ApplicationStatus.Completed, true)]
    [InlineData(ApplicationStatus.Rejected, false)]
    [InlineData(ApplicationStatus.Declined, false)]
    [InlineData(ApplicationStatus.Expired, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    [InlineData(ApplicationStatus.Cancelled, false)]
    public void Sikp_export_holds_only_prospective_debtors(ApplicationStatus status, bool exported) =>
        Assert.Equal(exported, ApplicationRules.IsExportable(status));

    [Fact]
    public void A_revision_may_not_move_the_business_to_another_regency()
    {
        Assert.True(ApplicationRules.MayChangeRegency("6571", "6571").Allowed);
        Assert.False(ApplicationRules.MayChangeRegency("6571", "6501").Allowed);
    }

    [Fact]
    public void Overdue_means_a_past_deadline_of_an_unfinished_application()
    {
        var now = new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc);
        Assert.True(ApplicationRules.IsOverdue(ApplicationStatus.InReview, now.AddMinutes(-1), now));
        Assert.False(ApplicationRules.IsOverdue(ApplicationStatus.InReview, now.AddMinutes(1), now));
        Assert.False(ApplicationRules.IsOverdue(ApplicationStatus.InReview, null, now));
        Assert.False(ApplicationRules.IsOverdue(ApplicationStatus.Expired, now.AddDays(-3), now));
    }
}
