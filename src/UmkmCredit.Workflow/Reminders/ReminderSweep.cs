using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Reminders;

/// <summary>Claims the right to send one reminder (optimistic concurrency on the index row).</summary>
public interface IReminderLedger
{
    /// <summary>Records that the reminder for <paramref name="reminderKey"/> was sent; false when another sweep already did.</summary>
    Task<bool> TryClaimAsync(string applicationId, string reminderKey, CancellationToken cancellationToken = default);
}

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int RemindersSent, int Recovered, int Redelivered = 0);

/// <summary>
/// The reminder sweep, run on <c>Reminders:Schedule</c> by the Functions timer trigger and by the server's
/// hosted service. From the table index it (1) sends one reminder per pending action at
/// <c>Workflow:ReminderLeadTime</c> before its deadline — exactly once, however many sweeps overlap — and
/// (2) starts the orchestration of any stored submission that has none (a crash between storing and starting),
/// (3) re-delivers decisions and signatures accepted (link used) but not delivered (a crash or outage between
/// the link write and the event).
/// </summary>
public sealed class ReminderSweep(
    IApplicationIndex index,
    IApplicationRepository applications,
    IReminderLedger ledger,
    ILinkStore linkStore,
    PendingLinkSender sender,
    IAuditTrail audit,
    ApplicationIntake intake,
    Signals.DecisionDelivery delivery,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
{
    /// <summary>Runs one sweep.</summary>
    public async Task<SweepResult> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sent = 0;
        var recovered = 0;
        foreach (var status in new[] { ApplicationStatus.InReview, ApplicationStatus.AwaitingSignatures, ApplicationStatus.Submitted })
        {
            string? continuation = null;
            do
            {
                var page = await index.QueryAsync(new IndexQuery(status, null, false, now, continuation, 200), cancellationToken).ConfigureAwait(false);
                foreach (var row in page.Items)
                {
                    if (status == ApplicationStatus.Submitted)
                    {
                        recovered += await RecoverAsync(row, durable, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                    }
                    else if (row.DeadlineUtc is { } deadline && deadline - options.Value.ReminderLeadTime <= now)
                    {
                        sent += await RemindAsync(row, durable, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                    }
                }

                continuation = page.ContinuationToken;
            }
            while (continuation is not null);
        }

        // Give the request that accepted it a moment to deliver it itself; a duplicate would be ignored anyway.
        var redelivered = await delivery.RedeliverAsync(durable, now - TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        return new SweepResult(sent, recovered, redelivered);
    }

    private async Task<bool> RemindAsync(IndexEntry row, DurableTaskClient durable, DateTime now, CancellationToken ct)
    {
        var metadata = await durable.GetInstanceAsync(row.ApplicationId, getInputsAndOutputs: true, ct).ConfigureAwait(false);
        var snapshot = metadata?.SerializedCustomStatus is { Length: > 0 } ? metadata.ReadCustomStatusAs<ApplicationSnapshot>() : null;
        var any = false;
        foreach (var linkId in snapshot?.PendingLinkIds ?? (snapshot?.PendingLinkId is { } single ? [single] : []))
        {
            any |= await RemindLinkAsync(row, linkId, now, ct).ConfigureAwait(false);
        }

        return any;
    }

    private async Task<bool> RemindLinkAsync(IndexEntry row, string linkId, DateTime now, CancellationToken ct)
    {
        var found = await linkStore.GetAsync(row.ApplicationId, linkId, ct).ConfigureAwait(false);
        if (found is not { Link.Status: LinkStatus.Pending } pending
            || pending.Link.ExpiresAtUtc <= now
            || pending.Link.ExpiresAtUtc - options.Value.ReminderLeadTime > now)
        {
            return false;
        }

        var deadline = pending.Link.ExpiresAtUtc;

        // The key names the action and its deadline: a new link (escalation) gets its own reminder.
        if (!await ledger.TryClaimAsync(row.ApplicationId, $"{linkId}@{deadline:O}", ct).ConfigureAwait(false))
        {
            return false;
        }

        await sender.SendAsync(pending.Link, Catalog.WorkflowNames.LinkMailKinds.Reminder, ct).ConfigureAwait(false);
        await audit.AppendAsync(row.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.ReminderSent, AuditActors.System, pending.Link.ActorId), ct).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> RecoverAsync(IndexEntry row, DurableTaskClient durable, DateTime now, CancellationToken ct)
    {
        if (now - row.SubmittedAtUtc < TimeSpan.FromMinutes(1)
            || await durable.GetInstanceAsync(row.ApplicationId, ct).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var stored = await applications.GetAsync(row.ApplicationId, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        await intake.EnsureStartedAsync(stored, durable, ct).ConfigureAwait(false);
        return true;
    }
}
