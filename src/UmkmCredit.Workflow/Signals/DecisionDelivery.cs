using System.Text.Json;
using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;

namespace UmkmCredit.Workflow.Signals;

/// <summary>What happened when a decision or signature was offered to its link.</summary>
public enum AcceptOutcome
{
    /// <summary>This request used the link; its signal is stored with it.</summary>
    Accepted,

    /// <summary>The link was already used for the same decision (a retry): answer the same success.</summary>
    Repeated,

    /// <summary>The link was used for something else, superseded, closed or is unknown.</summary>
    Refused,
}

/// <summary>
/// Accepted decisions and signatures reach the orchestration whatever dies in between: the signal is stored with
/// the link in the same conditional write that marks it used, then raised, then marked delivered. A retry of the
/// same request, the reminder sweep and the escalation path re-deliver what is stored and not yet delivered;
/// the orchestration ignores a signal for a link it already counted.
/// </summary>
public sealed class DecisionDelivery(ILinkStore store, Webhooks.WebhookPublisher webhooks, Ports.IApplicationRepository applications)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The signal stored with a used link, or null.</summary>
    public static WorkflowSignal? StoredSignal(ActionLink link)
    {
        if (link.Status != LinkStatus.Used || string.IsNullOrEmpty(link.Outcome))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WorkflowSignal>(link.Outcome, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Uses the link for <paramref name="signal"/>. When it was already used, <paramref name="sameRequest"/> decides
    /// whether the stored signal is this request again; then the stored signal is returned (and re-delivered if needed).
    /// </summary>
    public async Task<(AcceptOutcome Outcome, WorkflowSignal? Signal)> AcceptAsync(
        DurableTaskClient durable, ActionLink link, WorkflowSignal signal, DateTime nowUtc, Func<WorkflowSignal, bool> sameRequest, CancellationToken cancellationToken)
    {
        if (link.Status == LinkStatus.Pending
            && await store.TryUseAsync(link.ApplicationId, link.LinkId, JsonSerializer.Serialize(signal, Json), nowUtc, cancellationToken).ConfigureAwait(false))
        {
            return (AcceptOutcome.Accepted, signal);
        }

        var current = await store.GetAsync(link.ApplicationId, link.LinkId, cancellationToken).ConfigureAwait(false);
        return current is { } found ? await RepeatAsync(durable, found.Link, sameRequest, cancellationToken).ConfigureAwait(false) : (AcceptOutcome.Refused, null);
    }

    /// <summary>For a used link: the stored signal when it is the same request (re-delivered if it never arrived).</summary>
    public async Task<(AcceptOutcome Outcome, WorkflowSignal? Signal)> RepeatAsync(
        DurableTaskClient durable, ActionLink link, Func<WorkflowSignal, bool> sameRequest, CancellationToken cancellationToken)
    {
        if (StoredSignal(link) is not { } stored || !sameRequest(stored))
        {
            return (AcceptOutcome.Refused, null);
        }

        if (!link.Delivered)
        {
            await DeliverAsync(durable, link.ApplicationId, stored, cancellationToken).ConfigureAwait(false);
        }

        return (AcceptOutcome.Repeated, stored);
    }

    /// <summary>Raises the accepted signal, then records that it was delivered.</summary>
    public async Task DeliverAsync(DurableTaskClient durable, string applicationId, WorkflowSignal signal, CancellationToken cancellationToken)
    {
        // The decision's webhook is recorded before the signal is raised, so it precedes the status change it causes;
        // if recording fails the signal stays undelivered and every re-delivery path records it again (same event id).
        if (webhooks.Enabled && Webhooks.WebhookEvents.ForSignal(applicationId, signal) is { } webhook)
        {
            var reference = (await applications.GetAsync(applicationId, cancellationToken).ConfigureAwait(false))?.Reference;
            await webhooks.PublishAsync(durable, [webhook with { Reference = reference }], cancellationToken).ConfigureAwait(false);
        }

        await ApplicationSignals.RaiseAsync(durable, applicationId, signal, cancellationToken).ConfigureAwait(false);
        await store.MarkDeliveredAsync(applicationId, signal.LinkId!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-delivers every outcome accepted before <paramref name="acceptedBeforeUtc"/> and not delivered; returns how many.</summary>
    public async Task<int> RedeliverAsync(DurableTaskClient durable, DateTime acceptedBeforeUtc, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var link in await store.ListUndeliveredAsync(acceptedBeforeUtc, cancellationToken).ConfigureAwait(false))
        {
            if (StoredSignal(link) is { } stored)
            {
                await DeliverAsync(durable, link.ApplicationId, stored, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }
}
