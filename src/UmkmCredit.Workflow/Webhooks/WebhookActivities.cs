using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Webhooks;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>The oldest pending delivery of one application for one subscriber.</summary>
public sealed class FindPendingWebhook(IWebhookLog log) : IWorkflowActivity<WebhookDeliveryInput, WebhookNext>
{
    /// <inheritdoc />
    public async Task<WebhookNext> RunAsync(WebhookDeliveryInput input, CancellationToken cancellationToken = default) =>
        new((await log.NextPendingAsync(input.ApplicationId, input.SubscriberKey, cancellationToken).ConfigureAwait(false))?.DeliveryId);
}

/// <summary>
/// One attempt of one delivery: signs the stored body with the current time, POSTs it, and records the attempt with
/// the outcome the retry schedule gives (Delivered, Pending with the next time, or Failed). A delivery that is no
/// longer Pending is not sent (a re-run of this activity after a crash sends at most the same event id again).
/// </summary>
public sealed class SendWebhook(
    IWebhookLog log,
    IWebhookSender sender,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<SendWebhook> logger) : IWorkflowActivity<SendWebhookInput, WebhookAttemptOutcome>
{
    /// <summary>Header names of API.md.</summary>
    public const string EventIdHeader = "X-UmkmCredit-Event-Id";

    /// <summary>Unix seconds of the attempt.</summary>
    public const string TimestampHeader = "X-UmkmCredit-Timestamp";

    /// <summary><c>sha256=</c> + hex HMAC of <c>timestamp.body</c>.</summary>
    public const string SignatureHeader = "X-UmkmCredit-Signature";

    /// <inheritdoc />
    public async Task<WebhookAttemptOutcome> RunAsync(SendWebhookInput input, CancellationToken cancellationToken = default)
    {
        var delivery = await log.GetAsync(input.DeliveryId, cancellationToken).ConfigureAwait(false);
        if (delivery is null || delivery.Status != WebhookDeliveryStatus.Pending)
        {
            return new(delivery?.Status ?? WebhookDeliveryStatus.Failed, null);
        }

        var o = options.CurrentValue;
        if (o.Find(delivery.SubscriberKey) is not { } subscriber)
        {
            WebhookLog.SubscriberGone(logger, delivery.DeliveryId);
            await log.SaveAsync(delivery with { Status = WebhookDeliveryStatus.Failed, LastResult = "subscriber removed from configuration" }, cancellationToken).ConfigureAwait(false);
            return new(WebhookDeliveryStatus.Failed, null);
        }

        var sentAt = time.GetUtcNow();
        var timestamp = sentAt.ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EventIdHeader] = delivery.EventId,
            [TimestampHeader] = WebhookSignature.Timestamp(timestamp),
            [SignatureHeader] = WebhookSignature.Sign(subscriber.Secret, timestamp, delivery.Body),
        };
        var result = await sender.SendAsync(delivery.Url, delivery.Body, headers, cancellationToken).ConfigureAwait(false);

        var now = time.GetUtcNow().UtcDateTime;
        var first = delivery.FirstAttemptUtc ?? sentAt.UtcDateTime;
        var round = delivery.RoundAttempts + 1;
        DateTime? retryAt = result.Success ? null : o.Schedule.NextAttempt(first, round, now);
        var status = result.Success ? WebhookDeliveryStatus.Delivered : retryAt is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        await log.SaveAsync(delivery with
        {
            Attempts = delivery.Attempts + 1,
            RoundAttempts = round,
            Status = status,
            FirstAttemptUtc = first,
            LastAttemptUtc = sentAt.UtcDateTime,
            LastResult = result.Result,
        }, cancellationToken).ConfigureAwait(false);
        WebhookLog.Attempted(logger, delivery.DeliveryId, delivery.Attempts + 1, result.Result, status);
        if (status == WebhookDeliveryStatus.Failed)
        {
            WebhookLog.GaveUp(logger, delivery.DeliveryId, delivery.Attempts + 1, result.Result);
        }

        return new(status, retryAt);
    }
}
