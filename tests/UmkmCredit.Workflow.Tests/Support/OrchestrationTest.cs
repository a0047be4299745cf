using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow.Tests.Support;

/// <summary>
/// Drives one application through the real orchestration: starts it, waits for the states it must reach (never a
/// fixed sleep), raises <see cref="WorkflowSignal"/>s with the client exactly as the product does, and reads the
/// custom status and the output.
/// </summary>
public abstract class OrchestrationTest : IAsyncLifetime
{
    /// <summary>Generous upper bound for one wait; a passing test never comes near it.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>The shared host.</summary>
    protected OrchestrationHost Host { get; private set; } = null!;

    /// <summary>The client.</summary>
    protected DurableTaskClient Client => Host.Client;

    /// <inheritdoc />
    public async Task InitializeAsync() => Host = await OrchestrationHost.GetAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Starts an application with its own script; returns its id.</summary>
    protected async Task<string> StartAsync(Script script)
    {
        var id = "T" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
        Host.Fakes.Use(id, script);
        await Client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrations.Application,
            new ApplicationWorkflowInput(id, "6501", "perdagangan", DateTime.UtcNow), new StartOrchestrationOptions(id));
        return id;
    }

    /// <summary>Waits until the custom status satisfies <paramref name="until"/>; fails with the last status seen.</summary>
    protected async Task<ApplicationSnapshot> WaitForAsync(string id, Func<ApplicationSnapshot, bool> until, string what)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        ApplicationSnapshot? last = null;
        while (!limit.IsCancellationRequested)
        {
            var instance = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (instance?.SerializedCustomStatus is not null)
            {
                last = instance.ReadCustomStatusAs<ApplicationSnapshot>();
                if (last is not null && until(last))
                {
                    return last;
                }
            }

            if (instance is { IsCompleted: true })
            {
                Assert.Fail($"{id} ended ({instance.RuntimeStatus}, {instance.FailureDetails?.ErrorMessage}) before {what}; last status {last?.Status}.");
            }

            await Task.Delay(20);
        }

        Assert.Fail($"{id} did not reach {what}; last status {last?.Status}, calls: {string.Join(" ", Host.Fakes.Of(id).Calls)}.");
        return null!;
    }

    /// <summary>Waits until the doubles have recorded <paramref name="call"/> (the status is published before the activity runs).</summary>
    protected static async Task WaitForCallAsync(Script script, string call)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!script.Calls.Contains(call))
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"{call} was not called; calls: {string.Join(" ", script.Calls)}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the status is <paramref name="status"/>.</summary>
    protected Task<ApplicationSnapshot> WaitForStatusAsync(string id, ApplicationStatus status) =>
        WaitForAsync(id, s => s.Status == status, status.ToString());

    /// <summary>Waits for the review to be open (InReview with a pending link), optionally with a given reviewer.</summary>
    protected Task<ApplicationSnapshot> WaitForReviewerAsync(string id, string reviewerId) =>
        WaitForAsync(id, s => s.Status == ApplicationStatus.InReview && s.PendingLinkId is not null && s.Review?.ReviewerId == reviewerId,
            $"review by {reviewerId}");

    /// <summary>Waits for the orchestration to finish and returns its result (fails if it failed).</summary>
    protected async Task<ApplicationWorkflowResult> FinishedAsync(string id)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, limit.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{id} ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage}");
        return instance.ReadOutputAs<ApplicationWorkflowResult>()!;
    }

    /// <summary>The final custom status of a finished orchestration.</summary>
    protected async Task<ApplicationSnapshot> FinalStatusAsync(string id)
    {
        var instance = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        return instance!.ReadCustomStatusAs<ApplicationSnapshot>()!;
    }

    /// <summary>Raises the one event name with a typed payload, as the product does.</summary>
    protected Task SignalAsync(string id, WorkflowSignal signal) =>
        Client.RaiseEventAsync(id, WorkflowNames.Events.Signal, signal);

    /// <summary>A reviewer's decision through a link.</summary>
    protected Task DecideAsync(string id, string linkId, ReviewVerdict verdict, string? note = null, long? amount = null, string actor = "reviewer") =>
        SignalAsync(id, new WorkflowSignal(SignalKind.ReviewDecision, actor, linkId, verdict, note ?? verdict.ToString(), amount, []));

    /// <summary>A signer's answer through their link.</summary>
    protected Task SignAsync(string id, string role, bool signed = true, string? note = null) =>
        SignalAsync(id, new WorkflowSignal(SignalKind.Signature, role, "sign-" + role, Note: note, Signed: signed,
            EvidenceId: "evidence-" + role, DocumentSha256: FakeActivities.DraftSha, AtUtc: DateTime.UtcNow));

    /// <summary>Drives an eligible application to an open review and returns the review link.</summary>
    protected async Task<string> OpenReviewAsync(string id)
    {
        var snapshot = await WaitForReviewerAsync(id, FakeActivities.RoutedReviewer);
        return snapshot.PendingLinkId!;
    }

    /// <summary>Drives an eligible application through approval to the signing stage.</summary>
    protected async Task<ApplicationSnapshot> ApproveAsync(string id)
    {
        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Approve);
        return await WaitForAsync(id, s => s.Status == ApplicationStatus.AwaitingSignatures && s.PendingLinkIds is { Count: > 0 }, "signing");
    }

    /// <summary>The activity calls recorded for <paramref name="script"/>.</summary>
    protected static IReadOnlyList<string> CallsOf(Script script) => script.Calls;
}
