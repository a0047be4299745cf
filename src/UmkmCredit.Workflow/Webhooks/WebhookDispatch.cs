using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>Starts or wakes the delivery orchestration of one application and subscriber (deterministic instance id).</summary>
public static class WebhookDispatch
{
    /// <summary>Instance id of the delivery orchestration: never equal to an application id (those are 32 hex).</summary>
    public static string InstanceId(string applicationId, string subscriberKey) => $"webhooks-{applicationId}-{subscriberKey}";

    /// <summary>
    /// Starts the orchestration when it does not run, else raises <see cref="WorkflowNames.Events.WebhookQueued"/>.
    /// The orchestration reads the log before it waits, so a wake-up that finds it busy is never needed and never lost.
    /// </summary>
    public static async Task KickAsync(DurableTaskClient client, string applicationId, string subscriberKey, CancellationToken cancellationToken)
    {
        var instanceId = InstanceId(applicationId, subscriberKey);
        var existing = await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !existing.IsCompleted)
        {
            await client.RaiseEventAsync(instanceId, WorkflowNames.Events.WebhookQueued, applicationId, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await InstanceStarts.TryStartAsync(client, WorkflowNames.Orchestrations.WebhookDelivery, new WebhookDeliveryInput(applicationId, subscriberKey),
            instanceId, cancellationToken).ConfigureAwait(false))
        {
            // Another writer started it a moment ago: it reads the log first, so the new row is seen.
            await client.RaiseEventAsync(instanceId, WorkflowNames.Events.WebhookQueued, applicationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
