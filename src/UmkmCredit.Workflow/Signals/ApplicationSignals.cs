using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow.Signals;

/// <summary>The only place that raises events into an application's orchestration.</summary>
public static class ApplicationSignals
{
    /// <summary>How long a signal waits for an instance whose first step has not run yet.</summary>
    public static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Delivers one signal to the application's orchestration, once the instance has taken its first step.
    /// </summary>
    /// <remarks>
    /// The Azure Storage provider deletes an event that it dequeues before the instance's start message has been
    /// processed ("No such instance"), and under load it defers start messages it sees before their instance row
    /// (it always sends the message first). A withdrawal a moment after submitting, or an upload right after it, would
    /// be lost in that window. So while the instance is <c>Pending</c> the signal waits for it to start (at most
    /// <see cref="StartPatience"/>; after that it is sent anyway).
    /// </remarks>
    /// <returns>
    /// False when the application has no orchestration (a submission cut between storing and starting: a retry with its
    /// key or the recovery sweep starts it): nothing is raised, since the engine would drop the event. Signals whose
    /// loss is harmless (an upload: the first screening reads the stored documents) may ignore it; a stop must not.
    /// </returns>
    public static async Task<bool> RaiseAsync(DurableTaskClient durable, string applicationId, WorkflowSignal signal, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(applicationId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return false;
        }

        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(StartPatience);
            try
            {
                await durable.WaitForInstanceStartAsync(applicationId, getInputsAndOutputs: false, patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // still not started: the engine is far behind; send it and hope its start comes first
            }
        }

        await durable.RaiseEventAsync(applicationId, WorkflowNames.Events.Signal, signal, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The answer to a person whose action found the workflow not yet started: 503 with <c>Retry-After</c> (the recovery
    /// sweep starts a stored application's workflow within about a minute).
    /// </summary>
    public static UseCases.Failure NotStarted() =>
        UseCases.Failure.Unavailable("Permohonan ini masih disiapkan oleh sistem. Coba lagi dalam satu atau dua menit.") with { RetryAfter = TimeSpan.FromMinutes(1) };
}
