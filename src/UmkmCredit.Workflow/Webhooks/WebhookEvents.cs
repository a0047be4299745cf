using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary>
/// Which webhook events a moment of the workflow makes, with their occurrence keys (the event id's input): a status
/// change by its sequence, a decision or signature by its link, once-only events by their type. No personal data
/// beyond what the receiving system already holds by application id.
/// </summary>
public static class WebhookEvents
{
    /// <summary>A recorded status change: the submission (with the first change), the change, and the completion.</summary>
    public static IReadOnlyList<WebhookEvent> ForStatusChange(StatusChangeRecord change, StoredApplication stored, LinksOptions links)
    {
        var id = change.ApplicationId;
        var events = new List<WebhookEvent>();
        if (change.From == ApplicationStatus.Submitted)
        {
            events.Add(WebhookPublisher.Event(id, stored.Reference, WebhookEventTypes.Submitted, string.Empty, stored.SubmittedAtUtc, new
            {
                regencyCode = stored.Application.Business.RegencyCode,
                amount = stored.Application.Request.Amount,
            }));
        }

        events.Add(WebhookPublisher.Event(id, stored.Reference, WebhookEventTypes.StatusChanged, change.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), change.AtUtc, new
        {
            sequence = change.Sequence,
            from = change.From.ToString(),
            to = change.To.ToString(),
            actor = change.Actor,
            note = change.Note,
            deadline = change.DeadlineUtc,
        }));
        if (change.To == ApplicationStatus.Completed)
        {
            events.Add(WebhookPublisher.Event(id, stored.Reference, WebhookEventTypes.AgreementCompleted, string.Empty, change.AtUtc, new
            {
                verifyUrl = links.Absolute($"verify/{id}"),
            }));
        }

        return events;
    }

    /// <summary>A decision or signature that took effect through its link (null for other signals).</summary>
    public static WebhookEvent? ForSignal(string applicationId, WorkflowSignal signal)
    {
        var key = signal.LinkId ?? string.Empty;
        var at = signal.AtUtc ?? DateTime.UtcNow;
        return signal.Kind switch
        {
            SignalKind.ReviewDecision => WebhookPublisher.Event(applicationId, null, WebhookEventTypes.ReviewDecided, key, at, new
            {
                verdict = signal.Verdict?.ToString(),
                reviewerId = signal.Actor,
                approvedAmount = signal.ApprovedAmount,
                note = signal.Note,
            }),
            SignalKind.Signature when signal.Signed == true => WebhookPublisher.Event(applicationId, null, WebhookEventTypes.SignatureSigned, key, at, new
            {
                signerId = signal.Actor,
                documentSha256 = signal.DocumentSha256,
            }),
            SignalKind.Signature => WebhookPublisher.Event(applicationId, null, WebhookEventTypes.SignatureDeclined, key, at, new
            {
                signerId = signal.Actor,
                reason = signal.Note,
            }),
            _ => null,
        };
    }
}
