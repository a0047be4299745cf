using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace UmkmCredit.Workflow.Catalog;

/// <summary>
/// The one way this code starts an orchestration under an id of its own (application, import, webhook delivery):
/// a start never replaces an instance that is still alive. Without this, a second start of a running application
/// (a retried submission and the recovery sweep both finding no instance a moment earlier) is accepted by the
/// engine and overwrites the instance row: its published state disappears until the next event, days later.
/// </summary>
/// <remarks>
/// Both hosts enforce it: the server's engine refuses a start whose instance is in one of <see cref="Alive"/>
/// (<c>ThrowExceptionOnInvalidDedupeStatus</c> on the Azure Storage provider; the in-memory engine always does);
/// the Functions extension ignores a request's statuses and reads host.json
/// <c>overridableExistingInstanceStates: NonRunningStates</c> instead, which means the same statuses. A finished
/// instance may be replaced on both (the webhook delivery restarts that way).
/// </remarks>
public static class InstanceStarts
{
    /// <summary>The statuses a new start with the same id is refused for.</summary>
    public static IReadOnlyList<OrchestrationRuntimeStatus> Alive { get; } =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Options for a start under <paramref name="instanceId"/> that refuses to replace a live instance.</summary>
    public static StartOrchestrationOptions Options(string instanceId) =>
        new StartOrchestrationOptions(instanceId).WithDedupeStatuses([.. Alive]);

    /// <summary>
    /// Starts the orchestration; false when an instance with the id exists already (someone else started it a
    /// moment ago). Any other failure is thrown.
    /// </summary>
    public static async Task<bool> TryStartAsync(DurableTaskClient client, TaskName name, object input, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(name, input, Options(instanceId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The refusal's exception type differs by host (gRPC status, provider exception); the instance is the proof.
            if (await client.GetInstanceAsync(instanceId, CancellationToken.None).ConfigureAwait(false) is null)
            {
                throw;
            }

            return false;
        }
    }
}
