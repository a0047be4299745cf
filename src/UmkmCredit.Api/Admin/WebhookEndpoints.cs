using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Api.Admin;

/// <summary>Webhook administration (API.md "Governance"); the host has already checked the admin key or session.</summary>
public sealed class WebhookEndpoints(RedeliverWebhook redeliver)
{
    /// <summary><c>POST /api/admin/webhooks/{deliveryId}/redeliver</c> → 202 (a console form: 303 back to the application).</summary>
    public async Task<IResult> RedeliverAsync(ApiRequest r)
    {
        var result = await redeliver.ExecuteAsync(r.Value("deliveryId"), r.Caller, r.Aborted).ConfigureAwait(false);
        if (AdminEndpoints.IsForm(r) && result.Value is { } queued)
        {
            return Answers.SeeOther($"/api/admin/applications/{Uri.EscapeDataString(queued.ApplicationId)}?done=webhook");
        }

        return Answers.From(r.Http.Request, result, queued => Answers.Json(new { deliveryId = queued.DeliveryId, eventId = queued.EventId, status = "Pending" }, StatusCodes.Status202Accepted));
    }
}
