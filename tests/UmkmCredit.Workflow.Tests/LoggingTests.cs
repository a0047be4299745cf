using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>The orchestration's log: replay-safe and free of what people typed.</summary>
public sealed class LoggingTests : OrchestrationTest
{
    [Fact]
    public async Task Each_status_change_is_logged_once_although_the_orchestration_replays_after_every_activity()
    {
        var script = new Script { Parallel = true, Roles = [WorkflowNames.SignerRoles.Applicant] };
        var id = await StartAsync(script);
        await ApproveAsync(id);
        await SignAsync(id, WorkflowNames.SignerRoles.Applicant);
        await FinishedAsync(id);

        var moves = Host.Logs.About(id).Where(l => l.EventId.Id == 1001).Select(l => l.Message).ToList();
        var recorded = CallsOf(script).Count(c => c.StartsWith("RecordStatusChange", StringComparison.Ordinal));

        Assert.Equal(4, recorded); // InReview, Approved, AwaitingSignatures, Completed
        Assert.Equal(recorded, moves.Count);
        Assert.Single(Host.Logs.About(id), l => l.EventId.Id == 1000);
        Assert.Single(Host.Logs.About(id), l => l.EventId.Id == 1009);
        Assert.All(Host.Logs.About(id), l => Assert.Equal(typeof(Application.ApplicationOrchestration).FullName, l.Category));
    }

    [Fact]
    public async Task Notes_typed_by_people_are_not_logged()
    {
        const string secretNote = "Catatan-rahasia-penilai-3171";
        var script = new Script();
        var id = await StartAsync(script);

        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Reject, secretNote);
        await FinishedAsync(id);

        var lines = Host.Logs.About(id);
        Assert.Contains(lines, l => l.Message.Contains(nameof(ApplicationStatus.Rejected), StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains(secretNote, StringComparison.Ordinal));
    }
}
