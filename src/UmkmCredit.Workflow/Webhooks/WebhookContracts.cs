using System.Text.Json.Serialization;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>Where a delivery stands (serialised as its name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookDeliveryStatus>))]
public enum WebhookDeliveryStatus
{
    /// <summary>Not sent yet, or failed and waiting for its next attempt.</summary>
    Pending,

    /// <summary>The subscriber answered 2xx.</summary>
    Delivered,

    /// <summary>Retried for <c>Webhooks:GiveUpAfter</c> without a 2xx; no further attempts (an admin may redeliver).</summary>
    Failed,
}

/// <summary>One event as it is sent: the body is serialised once, when the event is recorded, and sent unchanged on every attempt.</summary>
public sealed record WebhookEvent(string Id, string Type, DateTime OccurredAtUtc, string ApplicationId, string? Reference, object Data);

/// <summary>One event for one subscriber: a row of the delivery log.</summary>
public sealed record WebhookDelivery(
    string DeliveryId,
    string ApplicationId,
    string SubscriberKey,
    long Sequence,
    string EventId,
    string Type,
    string Url,
    string Body,
    int Attempts,
    int RoundAttempts,
    WebhookDeliveryStatus Status,
    DateTime? FirstAttemptUtc,
    DateTime? LastAttemptUtc,
    string? LastResult);

/// <summary>What one POST came back with.</summary>
public sealed record WebhookSendResult(bool Success, string Result);

/// <summary>Input of the delivery orchestration and of <see cref="FindPendingWebhook"/>.</summary>
public sealed record WebhookDeliveryInput(string ApplicationId, string SubscriberKey);

/// <summary>The next pending delivery (null id: none).</summary>
public sealed record WebhookNext(string? DeliveryId);

/// <summary>Input of <see cref="SendWebhook"/>.</summary>
public sealed record SendWebhookInput(string DeliveryId);

/// <summary>After one attempt: the status and, while Pending, when to try again.</summary>
public sealed record WebhookAttemptOutcome(WebhookDeliveryStatus Status, DateTime? RetryAtUtc);

/// <summary>The delivery log (Table storage): events per application in sequence, one row per subscriber.</summary>
public interface IWebhookLog
{
    /// <summary>
    /// Records <paramref name="e"/> for <paramref name="subscriberUrls"/> once: a second call with the same event id changes
    /// nothing. Sequence numbers per application follow the order of the calls that recorded them.
    /// </summary>
    Task EnqueueAsync(WebhookEvent e, string body, IReadOnlyList<string> subscriberUrls, CancellationToken cancellationToken = default);

    /// <summary>The oldest Pending delivery of this application for this subscriber.</summary>
    Task<WebhookDelivery?> NextPendingAsync(string applicationId, string subscriberKey, CancellationToken cancellationToken = default);

    /// <summary>One delivery, or null (also for an id that is not one of ours).</summary>
    Task<WebhookDelivery?> GetAsync(string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Stores an attempt's outcome on an existing row; a row deleted meanwhile (erasure, retention) stays deleted.</summary>
    Task SaveAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Every delivery of an application, in sequence.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes every row of the application (events, deliveries and their bodies, the counter): the erasure and the
    /// retention purge. Idempotent; returns the number of rows removed.
    /// </summary>
    Task<int> DeleteAllAsync(string applicationId, CancellationToken cancellationToken = default);
}

/// <summary>POSTs one webhook (the adapter uses <c>IHttpClientFactory</c> with <c>Webhooks:Timeout</c>).</summary>
public interface IWebhookSender
{
    /// <summary>Sends; failures (non-2xx, refused connection, timeout) come back as a result, never as an exception.</summary>
    Task<WebhookSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken = default);
}

