using Microsoft.Extensions.Logging;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Webhooks;

namespace UmkmCredit.Workflow.UseCases.Admin;

/// <summary>A delivery queued again.</summary>
public sealed record WebhookRedelivery(string DeliveryId, string ApplicationId, string EventId);

/// <summary>
/// <c>POST /api/admin/webhooks/{deliveryId}/redeliver</c>: the delivery goes back to Pending with a fresh retry window
/// (its attempt count keeps growing) and its orchestration is woken; it is sent with the same event id and body,
/// before any later pending event of that application and subscriber.
/// </summary>
public sealed class RedeliverWebhook(IWebhookLog log, IAuditTrail audit, TimeProvider time, ILogger<RedeliverWebhook> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<WebhookRedelivery>> ExecuteAsync(string deliveryId, Caller caller, CancellationToken cancellationToken)
    {
        var delivery = await log.GetAsync(deliveryId ?? string.Empty, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            return Failure.NotFound();
        }

        await log.SaveAsync(delivery with { Status = WebhookDeliveryStatus.Pending, RoundAttempts = 0, FirstAttemptUtc = null }, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(delivery.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.AdminWebhookRedelivered, AuditActors.Admin,
            $"{delivery.Type} {delivery.EventId} -> {delivery.Url}", caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        await WebhookDispatch.KickAsync(caller.Durable, delivery.ApplicationId, delivery.SubscriberKey, cancellationToken).ConfigureAwait(false);
        WebhookLog.Redelivery(logger, delivery.DeliveryId);
        return new WebhookRedelivery(delivery.DeliveryId, delivery.ApplicationId, delivery.EventId);
    }
}
