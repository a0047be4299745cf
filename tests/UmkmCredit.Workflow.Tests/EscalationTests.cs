using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>Review deadlines, escalation and reassignment.</summary>
public sealed class EscalationTests : OrchestrationTest
{
    [Fact]
    public async Task Reviewer_deadline_escalates_to_the_supervisor_who_then_decides()
    {
        var script = new Script { ReviewWindow = TimeSpan.FromMilliseconds(300) };
        var id = await StartAsync(script);

        var escalated = await WaitForReviewerAsync(id, FakeActivities.Supervisor);
        Assert.True(escalated.Review!.Escalated);
        Assert.Equal(ApplicationStatus.InReview, escalated.Status);
        await DecideAsync(id, escalated.PendingLinkId!, ReviewVerdict.Reject, "Ditolak atasan.", actor: "supervisor");
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Rejected, result.Status);
        Assert.Equal(
            ["ScreenApplication:Eligible", "OpenReview:opd-01:round0", "RecordStatusChange:InReview", "EscalateReview:sup-01",
             "RecordStatusChange:Rejected", "CloseLinks"],
            CallsOf(script));
    }

    [Fact]
    public async Task Escalation_deadline_expires_the_application()
    {
        var script = new Script { ReviewWindow = TimeSpan.FromMilliseconds(200), EscalationWindow = TimeSpan.FromMilliseconds(300) };
        var id = await StartAsync(script);

        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Expired, result.Status);
        Assert.Equal(["EscalateReview:sup-01", "RecordStatusChange:Expired", "CloseLinks"], CallsOf(script).TakeLast(3));
    }

    [Fact]
    public async Task Escalation_racing_a_decision_already_made_waits_for_that_decision()
    {
        var script = new Script { ReviewWindow = TimeSpan.FromMilliseconds(300), EscalationFindsLinkUsed = true };
        var id = await StartAsync(script);
        var link = await OpenReviewAsync(id);

        await WaitForAsync(id, _ => script.Calls.Contains("EscalateReview:linkUsed"), "the escalation attempt");
        await DecideAsync(id, link, ReviewVerdict.Approve);
        var signing = await WaitForStatusAsync(id, ApplicationStatus.AwaitingSignatures);

        Assert.False(signing.Review!.Escalated);
        Assert.Equal(FakeActivities.RoutedReviewer, signing.Review.ReviewerId);
        Assert.Single(CallsOf(script), c => c.StartsWith("EscalateReview", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decision_through_the_link_superseded_by_escalation_is_ignored()
    {
        var script = new Script { ReviewWindow = TimeSpan.FromMilliseconds(300) };
        var id = await StartAsync(script);
        var escalated = await WaitForReviewerAsync(id, FakeActivities.Supervisor);
        var oldLink = script.ReviewLinks[0];

        await DecideAsync(id, oldLink, ReviewVerdict.Approve, actor: "reviewer");
        await DecideAsync(id, escalated.PendingLinkId!, ReviewVerdict.Reject, "Ditolak atasan.", actor: "supervisor");
        var result = await FinishedAsync(id);

        Assert.NotEqual(oldLink, escalated.PendingLinkId);
        Assert.Equal(new ApplicationWorkflowResult(ApplicationStatus.Rejected, "Ditolak atasan."), result);
        Assert.DoesNotContain("RecordStatusChange:Approved", CallsOf(script));
    }

    [Fact]
    public async Task Reassignment_opens_a_new_link_for_the_chosen_reviewer_and_the_old_link_no_longer_counts()
    {
        // The admin endpoint has already superseded the link it saw, so superseding it again answers false.
        var script = new Script { SupersedeSucceeds = false };
        var id = await StartAsync(script);
        var oldLink = await OpenReviewAsync(id);

        await SignalAsync(id, new WorkflowSignal(SignalKind.Reassign, "admin", oldLink, ReviewerId: "opd-07"));
        var reassigned = await WaitForReviewerAsync(id, "opd-07");
        await DecideAsync(id, oldLink, ReviewVerdict.Approve);
        await DecideAsync(id, reassigned.PendingLinkId!, ReviewVerdict.Reject, "Ditolak penilai baru.");
        var result = await FinishedAsync(id);

        Assert.NotEqual(oldLink, reassigned.PendingLinkId);
        Assert.Equal(ApplicationStatus.Rejected, result.Status);
        Assert.Equal(
            ["ScreenApplication:Eligible", "OpenReview:opd-01:round0", "RecordStatusChange:InReview", "SupersedeLink:False", "OpenReview:opd-07:round0",
             "RecordStatusChange:Rejected", "CloseLinks"],
            CallsOf(script));
    }

    [Fact]
    public async Task Reassignment_after_an_escalation_supersedes_the_supervisors_link()
    {
        var script = new Script { ReviewWindow = TimeSpan.FromMilliseconds(300) };
        var id = await StartAsync(script);
        var escalated = await WaitForReviewerAsync(id, FakeActivities.Supervisor);
        var seenByAdmin = script.ReviewLinks[0];

        await SignalAsync(id, new WorkflowSignal(SignalKind.Reassign, "admin", seenByAdmin, ReviewerId: "opd-07"));
        var reassigned = await WaitForReviewerAsync(id, "opd-07");

        Assert.NotEqual(escalated.PendingLinkId, reassigned.PendingLinkId);
        Assert.Equal(["EscalateReview:sup-01", "SupersedeLink:True", "OpenReview:opd-07:round0"], CallsOf(script).Skip(3));
    }

    [Fact]
    public async Task Reassignment_racing_a_decision_through_the_newer_link_keeps_that_decision()
    {
        var script = new Script { ReviewWindow = TimeSpan.FromMilliseconds(300), SupersedeSucceeds = false };
        var id = await StartAsync(script);
        var escalated = await WaitForReviewerAsync(id, FakeActivities.Supervisor);
        var seenByAdmin = script.ReviewLinks[0];

        // The supervisor used the escalation link before the admin's reassignment reached the orchestration.
        await SignalAsync(id, new WorkflowSignal(SignalKind.Reassign, "admin", seenByAdmin, ReviewerId: "opd-07"));
        await DecideAsync(id, escalated.PendingLinkId!, ReviewVerdict.Reject, "Ditolak atasan.", actor: "supervisor");
        var result = await FinishedAsync(id);

        Assert.Equal(new ApplicationWorkflowResult(ApplicationStatus.Rejected, "Ditolak atasan."), result);
        Assert.DoesNotContain("OpenReview:opd-07:round0", CallsOf(script));
        Assert.Equal(FakeActivities.Supervisor, (await FinalStatusAsync(id)).Review!.ReviewerId);
    }
}
