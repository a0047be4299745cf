using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>Review decisions and revision rounds.</summary>
public sealed class ReviewTests : OrchestrationTest
{
    [Fact]
    public async Task Reject_ends_rejected_with_the_reviewers_note()
    {
        var script = new Script();
        var id = await StartAsync(script);

        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Reject, "Omzet tidak terbukti.");
        var result = await FinishedAsync(id);

        Assert.Equal(new ApplicationWorkflowResult(ApplicationStatus.Rejected, "Omzet tidak terbukti."), result);
        var final = await FinalStatusAsync(id);
        Assert.Equal(ReviewVerdict.Reject, final.Review!.Verdict);
        Assert.Null(final.PendingLinkId);
        Assert.Equal(["RecordStatusChange:Rejected", "CloseLinks"], CallsOf(script).TakeLast(2));
    }

    [Fact]
    public async Task Approve_with_a_lower_amount_drafts_the_agreement_for_that_amount()
    {
        var script = new Script();
        var id = await StartAsync(script);

        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Approve, "Disetujui sebagian.", amount: 40_000_000);
        var signing = await WaitForStatusAsync(id, ApplicationStatus.AwaitingSignatures);
        await WaitForCallAsync(script, "RecordStatusChange:AwaitingSignatures");

        Assert.Equal(40_000_000, signing.Review!.ApprovedAmount);
        Assert.Equal(new AgreementSnapshot(FakeActivities.AgreementNumber, AgreementState.Draft, FakeActivities.DraftSha), signing.Agreement);
        Assert.Equal(
            ["RecordStatusChange:Approved", "PrepareAgreement:40000000", "ComputeDeadline:Signing", "IssueSigningLinks", "RecordStatusChange:AwaitingSignatures"],
            CallsOf(script).Skip(3).Take(5));
    }

    [Fact]
    public async Task Revise_then_resubmit_then_approve_opens_a_second_round()
    {
        var script = new Script();
        var id = await StartAsync(script);

        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Revise, "Lengkapi laporan keuangan.");
        var revision = await WaitForStatusAsync(id, ApplicationStatus.RevisionRequested);
        Assert.Null(revision.PendingLinkId);
        Assert.NotNull(revision.DeadlineUtc);
        await SignalAsync(id, new WorkflowSignal(SignalKind.Resubmitted, "applicant"));
        var second = await WaitForAsync(id, s => s.Status == ApplicationStatus.InReview && s.Review?.Round == 1, "second round");
        await DecideAsync(id, second.PendingLinkId!, ReviewVerdict.Approve);
        await WaitForStatusAsync(id, ApplicationStatus.AwaitingSignatures);

        Assert.Equal(
            ["ScreenApplication:Eligible", "OpenReview:opd-01:round0", "RecordStatusChange:InReview",
             "ComputeDeadline:Documents", "RecordStatusChange:RevisionRequested",
             "ScreenApplication:Eligible", "OpenReview:opd-01:round1", "RecordStatusChange:InReview",
             "RecordStatusChange:Approved"],
            CallsOf(script).Take(9));
    }

    [Fact]
    public async Task Revision_rounds_count_up_to_the_limit_and_the_last_round_still_decides()
    {
        // The API offers "revise" only while Review.Round < Workflow:MaxRevisionRounds (2 by default): the round the
        // orchestration publishes is what exhausts it.
        var script = new Script();
        var id = await StartAsync(script);
        var link = await OpenReviewAsync(id);
        for (var round = 1; round <= 2; round++)
        {
            await DecideAsync(id, link, ReviewVerdict.Revise);
            await WaitForStatusAsync(id, ApplicationStatus.RevisionRequested);
            await SignalAsync(id, new WorkflowSignal(SignalKind.Resubmitted, "applicant"));
            var expected = round;
            link = (await WaitForAsync(id, s => s.Status == ApplicationStatus.InReview && s.Review?.Round == expected, $"round {expected}")).PendingLinkId!;
        }

        await DecideAsync(id, link, ReviewVerdict.Reject, "Tetap tidak lengkap.");
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Rejected, result.Status);
        Assert.Equal(2, (await FinalStatusAsync(id)).Review!.Round);
        Assert.Equal(["OpenReview:opd-01:round0", "OpenReview:opd-01:round1", "OpenReview:opd-01:round2"], CallsOf(script).Where(c => c.StartsWith("OpenReview", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Revision_not_resubmitted_by_the_deadline_expires()
    {
        var script = new Script { DocumentsWindow = TimeSpan.FromMilliseconds(300) };
        var id = await StartAsync(script);

        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Revise);
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Expired, result.Status);
        Assert.Equal(["RecordStatusChange:RevisionRequested", "RecordStatusChange:Expired", "CloseLinks"], CallsOf(script).TakeLast(3));
    }

    [Fact]
    public async Task Resubmission_with_documents_missing_goes_back_to_awaiting_documents()
    {
        var script = new Script().Screens(ScreeningOutcome.Eligible).Screens(ScreeningOutcome.MissingDocuments, "laporan-keuangan");
        var id = await StartAsync(script);

        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Revise);
        await WaitForStatusAsync(id, ApplicationStatus.RevisionRequested);
        await SignalAsync(id, new WorkflowSignal(SignalKind.Resubmitted, "applicant"));
        var waiting = await WaitForStatusAsync(id, ApplicationStatus.AwaitingDocuments);
        await SignalAsync(id, new WorkflowSignal(SignalKind.DocumentsChanged, "applicant"));
        var review = await WaitForAsync(id, s => s.Status == ApplicationStatus.InReview && s.Review?.Round == 1, "second round");

        Assert.Equal(["laporan-keuangan"], waiting.Reasons.Select(r => r.Message));
        Assert.Empty(review.Reasons);
    }

    [Fact]
    public async Task Signals_meant_for_other_stages_do_not_move_the_review()
    {
        var script = new Script();
        var id = await StartAsync(script);
        var link = await OpenReviewAsync(id);

        await SignalAsync(id, new WorkflowSignal(SignalKind.DocumentsChanged, "applicant"));
        await SignalAsync(id, new WorkflowSignal(SignalKind.Resubmitted, "applicant"));
        await SignalAsync(id, new WorkflowSignal(SignalKind.Signature, "applicant", link, Signed: true));
        await DecideAsync(id, link, ReviewVerdict.Reject, "Ditolak.");
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Rejected, result.Status);
        Assert.Equal(
            ["ScreenApplication:Eligible", "OpenReview:opd-01:round0", "RecordStatusChange:InReview", "RecordStatusChange:Rejected", "CloseLinks"],
            CallsOf(script));
    }

    [Fact]
    public async Task A_decision_without_a_link_is_ignored()
    {
        var script = new Script();
        var id = await StartAsync(script);
        var link = await OpenReviewAsync(id);

        await SignalAsync(id, new WorkflowSignal(SignalKind.ReviewDecision, "someone", null, ReviewVerdict.Approve));
        await DecideAsync(id, link, ReviewVerdict.Reject, "Ditolak.");
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Rejected, result.Status);
        Assert.DoesNotContain("RecordStatusChange:Approved", CallsOf(script));
    }
}
