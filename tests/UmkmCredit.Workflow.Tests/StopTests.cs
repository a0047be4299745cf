using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>Withdraw (applicant) and cancel (administrator) in every state that waits.</summary>
public sealed class StopTests : OrchestrationTest
{
    /// <summary>The waiting states.</summary>
    public enum Stage
    {
        AwaitingDocuments,
        InReview,
        EscalatedReview,
        RevisionRequested,
        AwaitingSignatures,
    }

    [Theory]
    [InlineData(Stage.AwaitingDocuments, SignalKind.Withdraw)]
    [InlineData(Stage.AwaitingDocuments, SignalKind.Cancel)]
    [InlineData(Stage.InReview, SignalKind.Withdraw)]
    [InlineData(Stage.InReview, SignalKind.Cancel)]
    [InlineData(Stage.EscalatedReview, SignalKind.Withdraw)]
    [InlineData(Stage.EscalatedReview, SignalKind.Cancel)]
    [InlineData(Stage.RevisionRequested, SignalKind.Withdraw)]
    [InlineData(Stage.RevisionRequested, SignalKind.Cancel)]
    [InlineData(Stage.AwaitingSignatures, SignalKind.Withdraw)]
    [InlineData(Stage.AwaitingSignatures, SignalKind.Cancel)]
    public async Task Stop_ends_the_application_and_closes_its_links(Stage stage, SignalKind kind)
    {
        var script = new Script();
        if (stage == Stage.AwaitingDocuments)
        {
            script.Screens(ScreeningOutcome.MissingDocuments, "ktp");
        }

        if (stage == Stage.EscalatedReview)
        {
            script.ReviewWindow = TimeSpan.FromMilliseconds(300);
        }

        var id = await StartAsync(script);
        var waitingIn = await ReachAsync(id, stage);

        var note = kind == SignalKind.Cancel ? "Dibatalkan: data ganda." : "Permohonan ditarik oleh pemohon.";
        await SignalAsync(id, new WorkflowSignal(kind, kind == SignalKind.Cancel ? "admin:ops" : "applicant", Note: note));
        var result = await FinishedAsync(id);

        var expected = kind == SignalKind.Cancel ? ApplicationStatus.Cancelled : ApplicationStatus.Withdrawn;
        Assert.Equal(new ApplicationWorkflowResult(expected, note), result);
        Assert.Equal([$"RecordStatusChange:{expected}", "CloseLinks"], CallsOf(script).TakeLast(2));
        var final = await FinalStatusAsync(id);
        Assert.Equal(waitingIn, final.History[^2].Status);
        Assert.Null(final.PendingLinkId);
        Assert.Empty(final.PendingLinkIds!);
    }

    private async Task<ApplicationStatus> ReachAsync(string id, Stage stage)
    {
        switch (stage)
        {
            case Stage.AwaitingDocuments:
                await WaitForStatusAsync(id, ApplicationStatus.AwaitingDocuments);
                return ApplicationStatus.AwaitingDocuments;
            case Stage.InReview:
                await OpenReviewAsync(id);
                return ApplicationStatus.InReview;
            case Stage.EscalatedReview:
                await WaitForReviewerAsync(id, FakeActivities.Supervisor);
                return ApplicationStatus.InReview;
            case Stage.RevisionRequested:
                await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Revise);
                await WaitForStatusAsync(id, ApplicationStatus.RevisionRequested);
                return ApplicationStatus.RevisionRequested;
            default:
                await ApproveAsync(id);
                return ApplicationStatus.AwaitingSignatures;
        }
    }
}
