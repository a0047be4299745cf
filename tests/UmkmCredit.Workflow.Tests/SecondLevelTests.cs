using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>Four-eyes: an approval above the reviewer's limit opens a second review by the supervisor.</summary>
public sealed class SecondLevelTests : OrchestrationTest
{
    private Task ApproveAboveLimitAsync(string id, string link, long? amount = 45_000_000, IReadOnlyList<string>? recommendations = null) =>
        SignalAsync(id, new WorkflowSignal(SignalKind.ReviewDecision, FakeActivities.RoutedReviewer, link, ReviewVerdict.Approve, "Layak, di atas batas saya.", amount,
            recommendations ?? ["Pelatihan pembukuan"], SecondLevel: true));

    private Task<ApplicationSnapshot> SecondLevelOpenAsync(string id) =>
        WaitForAsync(id, s => s.Review is { Level: 2 } r && r.ReviewerId == FakeActivities.Supervisor && s.PendingLinkId is not null, "second level");

    [Fact]
    public async Task An_approval_marked_above_the_limit_stays_in_review_at_level_2_and_the_supervisors_approval_starts_signing()
    {
        var script = new Script();
        var id = await StartAsync(script);
        var firstLink = await OpenReviewAsync(id);

        await ApproveAboveLimitAsync(id, firstLink);
        var second = await SecondLevelOpenAsync(id);
        await SignalAsync(id, new WorkflowSignal(SignalKind.ReviewDecision, FakeActivities.Supervisor, firstLink, ReviewVerdict.Reject, "lewat tautan lama"));
        await SignalAsync(id, new WorkflowSignal(SignalKind.ReviewDecision, FakeActivities.Supervisor, second.PendingLinkId, ReviewVerdict.Approve, "Setuju.", null, ["Pendampingan pemasaran"]));
        var signing = await WaitForStatusAsync(id, ApplicationStatus.AwaitingSignatures);

        Assert.Equal(ApplicationStatus.InReview, second.Status);
        Assert.NotEqual(firstLink, second.PendingLinkId);
        Assert.Equal(new ReviewLevelSnapshot(FakeActivities.RoutedReviewer, "Penilai " + FakeActivities.RoutedReviewer, ReviewVerdict.Approve, "Layak, di atas batas saya.", 45_000_000, second.Review!.FirstLevel!.DecidedAt), second.Review.FirstLevel);
        Assert.Null(second.Review.Verdict);
        Assert.Equal(2, signing.Review!.Level);
        Assert.Equal(ReviewVerdict.Approve, signing.Review.Verdict);
        Assert.Equal(45_000_000, signing.Review.ApprovedAmount); // the supervisor left the amount: the first level's stands
        Assert.Equal(["Pelatihan pembukuan", "Pendampingan pemasaran"], signing.Review.Recommendations);
        await WaitForCallAsync(script, "RecordStatusChange:AwaitingSignatures");
        Assert.Equal(
            ["ScreenApplication:Eligible", "OpenReview:opd-01:round0", "RecordStatusChange:InReview",
             "OpenSecondReview:sup-01:after:opd-01:45000000", "RecordStatusChange:Approved", "PrepareAgreement:45000000"],
            CallsOf(script).Take(6));
    }

    [Fact]
    public async Task The_supervisor_may_approve_another_amount_or_reject_at_level_2()
    {
        var lower = new Script();
        var rejected = new Script();
        var a = await StartAsync(lower);
        var b = await StartAsync(rejected);

        await ApproveAboveLimitAsync(a, await OpenReviewAsync(a));
        await ApproveAboveLimitAsync(b, await OpenReviewAsync(b), amount: null);
        await DecideAsync(a, (await SecondLevelOpenAsync(a)).PendingLinkId!, ReviewVerdict.Approve, amount: 30_000_000, actor: FakeActivities.Supervisor);
        await DecideAsync(b, (await SecondLevelOpenAsync(b)).PendingLinkId!, ReviewVerdict.Reject, "Terlalu besar untuk usaha ini.", actor: FakeActivities.Supervisor);
        await WaitForStatusAsync(a, ApplicationStatus.AwaitingSignatures);
        var result = await FinishedAsync(b);

        Assert.Contains("PrepareAgreement:30000000", CallsOf(lower));
        Assert.Equal(new ApplicationWorkflowResult(ApplicationStatus.Rejected, "Terlalu besar untuk usaha ini."), result);
        Assert.Contains("OpenSecondReview:sup-01:after:opd-01:requested", CallsOf(rejected));
        Assert.DoesNotContain(CallsOf(rejected), c => c.StartsWith("RecordStatusChange:Approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_undecided_second_level_escalates_then_expires()
    {
        var script = new Script { SecondReviewWindow = TimeSpan.FromMilliseconds(200), EscalationWindow = TimeSpan.FromMilliseconds(300) };
        var id = await StartAsync(script);

        await ApproveAboveLimitAsync(id, await OpenReviewAsync(id));
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Expired, result.Status);
        Assert.Equal(["OpenSecondReview:sup-01:after:opd-01:45000000", "EscalateReview:sup-01", "RecordStatusChange:Expired", "CloseLinks"], CallsOf(script).TakeLast(4));
        Assert.Equal(2, (await FinalStatusAsync(id)).Review!.Level);
    }

    [Fact]
    public async Task An_approval_within_the_limit_goes_straight_to_signing()
    {
        var script = new Script();
        var id = await StartAsync(script);

        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Approve);
        var signing = await WaitForStatusAsync(id, ApplicationStatus.AwaitingSignatures);

        Assert.Equal(1, signing.Review!.Level);
        Assert.Null(signing.Review.FirstLevel);
        Assert.DoesNotContain(CallsOf(script), c => c.StartsWith("OpenSecondReview", StringComparison.Ordinal));
    }
}
