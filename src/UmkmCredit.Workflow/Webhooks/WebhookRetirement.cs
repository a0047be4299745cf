using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Webhooks;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>
/// Ends an erased or purged application's webhooks: its delivery orchestrations are stopped and their engine history
/// purged, and its delivery log — whose stored bodies carry reviewers' notes, decline reasons and amounts — is deleted.
/// Pending deliveries are dropped with it: the receiving systems keep what they were sent.
/// </summary>
/// <remarks>
/// Order for a crash at any point: the instances are stopped first (their subscriber keys come from the log and the
/// configuration), then the log goes, then the stopped instances are purged; a second run finishes what a first one
/// left. An instance that takes longer than <see cref="StopWait"/> to stop keeps its history (application id,
/// subscriber key and delivery ids — no personal data).
/// </remarks>
public sealed class WebhookRetirement(IWebhookLog log, IOptionsMonitor<WebhookOptions> options)
{
    /// <summary>How long one delivery orchestration is given to stop before its history is left for good.</summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    /// <summary>Stops, deletes and purges; returns the number of log rows removed.</summary>
    public async Task<int> RetireAsync(string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var keys = (await log.ListAsync(applicationId, cancellationToken).ConfigureAwait(false)).Select(d => d.SubscriberKey)
            .Concat(options.CurrentValue.Subscribers.Select(s => WebhookEventId.SubscriberKey(s.Url)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var stopping = new List<string>();
        foreach (var key in keys)
        {
            var instanceId = WebhookDispatch.InstanceId(applicationId, key);
            var instance = await durable.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (instance is null)
            {
                continue;
            }

            if (!instance.IsCompleted)
            {
                await durable.TerminateInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            }

            stopping.Add(instanceId);
        }

        var removed = await log.DeleteAllAsync(applicationId, cancellationToken).ConfigureAwait(false);
        foreach (var instanceId in stopping)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(StopWait);
            try
            {
                await durable.WaitForInstanceCompletionAsync(instanceId, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                continue; // not stopped in time: its history holds no personal data
            }

            await durable.PurgeInstanceAsync(instanceId, cancellation: cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }
}
