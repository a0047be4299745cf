using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Webhooks;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>
/// Records events in the delivery log for every subscriber that wants them and wakes their delivery orchestrations.
/// Idempotent by event id: callers that run again (activity retries, re-delivered signals) record nothing new.
/// </summary>
public sealed class WebhookPublisher(IWebhookLog log, IOptionsMonitor<WebhookOptions> options, ILogger<WebhookPublisher> logger)
{
    /// <summary>Serialisation of bodies: camelCase, no indentation.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>True when at least one subscriber is configured.</summary>
    public bool Enabled => options.CurrentValue.Subscribers.Count > 0;

    /// <summary>The body sent for an event: <c>{ id, type, occurredAt, applicationId, reference, data }</c>.</summary>
    public static string Body(WebhookEvent e) => JsonSerializer.Serialize(new
    {
        id = e.Id,
        type = e.Type,
        occurredAt = DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc),
        applicationId = e.ApplicationId,
        reference = e.Reference,
        data = e.Data,
    }, Json);

    /// <summary>A new event of an application; its id is derived from <paramref name="occurrenceKey"/>.</summary>
    public static WebhookEvent Event(string applicationId, string? reference, string type, string occurrenceKey, DateTime occurredAtUtc, object data) =>
        new(WebhookEventId.For(applicationId, type, occurrenceKey), type, occurredAtUtc, applicationId, reference, data);

    /// <summary>Records the events in order and wakes each subscriber's orchestration once.</summary>
    public async Task PublishAsync(DurableTaskClient client, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        var subscribers = options.CurrentValue.Subscribers;
        var woken = new HashSet<string>(StringComparer.Ordinal);
        string? applicationId = null;
        foreach (var e in events)
        {
            var urls = subscribers.Where(s => s.Wants(e.Type)).Select(s => s.Url).ToList();
            if (urls.Count == 0)
            {
                continue;
            }

            await log.EnqueueAsync(e, Body(e), urls, cancellationToken).ConfigureAwait(false);
            WebhookLog.Queued(logger, e.ApplicationId, e.Type, e.Id, urls.Count);
            applicationId = e.ApplicationId;
            woken.UnionWith(urls.Select(WebhookEventId.SubscriberKey));
        }

        foreach (var key in woken)
        {
            await WebhookDispatch.KickAsync(client, applicationId!, key, cancellationToken).ConfigureAwait(false);
        }
    }
}
