using Microsoft.DurableTask;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>
/// Sends one application's webhook events to one subscriber, oldest first, one at a time (instance id =
/// <see cref="WebhookDispatch.InstanceId"/>). A failed attempt waits on a durable timer (the delay comes from the
/// attempt's activity: configuration is read in activities, never here) and blocks later events, so order holds.
/// Each episode does one step and continues as new, so the history stays small; with nothing pending it waits for
/// <see cref="WorkflowNames.Events.WebhookQueued"/> (idle instances cost nothing). The log is the state: a restart,
/// a lost wake-up or a second instance start all end in "read the log, send the oldest pending".
/// </summary>
public static class WebhookDeliveryOrchestration
{
    private static readonly TaskOptions StepRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(10, TimeSpan.FromSeconds(1), 2, TimeSpan.FromMinutes(1)));

    /// <summary>Entry point registered under <see cref="WorkflowNames.Orchestrations.WebhookDelivery"/>.</summary>
    public static async Task<bool> RunAsync(TaskOrchestrationContext context, WebhookDeliveryInput input)
    {
        var log = context.CreateReplaySafeLogger(typeof(WebhookDeliveryOrchestration));
        var next = await context.CallActivityAsync<WebhookNext>(WorkflowNames.Activities.FindPendingWebhook, input, StepRetry);
        if (next.DeliveryId is not { } deliveryId)
        {
            await context.WaitForExternalEvent<string>(WorkflowNames.Events.WebhookQueued);
            context.ContinueAsNew(input, preserveUnprocessedEvents: true);
            return true;
        }

        var outcome = await context.CallActivityAsync<WebhookAttemptOutcome>(WorkflowNames.Activities.SendWebhook, new SendWebhookInput(deliveryId), StepRetry);
        if (outcome is { Status: WebhookDeliveryStatus.Pending, RetryAtUtc: { } retryAt })
        {
            WebhookLog.RetryScheduled(log, deliveryId, retryAt);
            await context.CreateTimer(retryAt, CancellationToken.None);
        }

        context.ContinueAsNew(input, preserveUnprocessedEvents: true);
        return true;
    }
}
