using Microsoft.Extensions.Logging;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>Log messages of webhook delivery (activities 1160s, orchestration 1060s, commands 2060s).</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1160, Level = LogLevel.Information, Message = "Application {ApplicationId} webhook {Type} {EventId} queued for {Subscribers} subscriber(s)")]
    public static partial void Queued(ILogger logger, string applicationId, string type, string eventId, int subscribers);

    [LoggerMessage(EventId = 1161, Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} attempt {Attempt}: {Result} -> {Status}")]
    public static partial void Attempted(ILogger logger, string deliveryId, int attempt, string result, WebhookDeliveryStatus status);

    [LoggerMessage(EventId = 1162, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} failed for good after {Attempts} attempts: {Result}")]
    public static partial void GaveUp(ILogger logger, string deliveryId, int attempts, string result);

    [LoggerMessage(EventId = 1163, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId}: its subscriber is no longer configured")]
    public static partial void SubscriberGone(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 1060, Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} retried at {RetryAt:o}")]
    public static partial void RetryScheduled(ILogger logger, string deliveryId, DateTime retryAt);

    [LoggerMessage(EventId = 2060, Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} queued again by an administrator")]
    public static partial void Redelivery(ILogger logger, string deliveryId);
}
