using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Application;

/// <summary>
/// Records one status change: appends it to the audit trail, updates the read model (never backwards:
/// the row keeps the highest sequence) and tells the applicant by e-mail (and by WhatsApp if they opted in).
/// </summary>
public sealed class RecordStatusChange(
    IApplicationRepository applications,
    IAuditTrail audit,
    IApplicationIndex index,
    INotifier notifier,
    AccessTokens tokens,
    IOptions<LinksOptions> links,
    Intake.ActiveApplicationGuard activeApplications,
    ILogger<RecordStatusChange> logger,
    Webhooks.WebhookPublisher webhooks,
    IEngineClientSource engine,
    WhatsAppStatusMessages whatsApp) : IWorkflowActivity<StatusChangeRecord, bool>
{
    /// <inheritdoc />
    public async Task<bool> RunAsync(StatusChangeRecord input, CancellationToken cancellationToken = default)
    {
        var stored = await applications.GetAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} is not stored.");
        await audit.AppendAsync(input.ApplicationId, new AuditEntry(
            input.AtUtc, AuditEvents.Status(input.To), input.Actor,
            $"#{input.Sequence} {input.From} -> {input.To}" + (input.Note is null ? string.Empty : ": " + input.Note)), cancellationToken).ConfigureAwait(false);

        var app = stored.Application;
        await index.UpsertAsync(new IndexEntry(
            input.ApplicationId, input.To, app.Business.RegencyCode, app.Applicant.FullName, app.Request.Amount,
            stored.SubmittedAtUtc, input.AtUtc, input.DeadlineUtc, input.Sequence), cancellationToken).ConfigureAwait(false);
        if (input.To.IsTerminal())
        {
            // After the index row says final: a crash before this line still lets the next submission take the NIK over.
            await activeApplications.ReleaseAsync(app.Applicant.Nik, input.ApplicationId, cancellationToken).ConfigureAwait(false);
        }

        if (webhooks.Enabled)
        {
            // Before the mail: a mail that fails fails the step, and its retry records the same event ids (nothing twice).
            await webhooks.PublishAsync(engine.Client, Webhooks.WebhookEvents.ForStatusChange(input, stored, links.Value), cancellationToken).ConfigureAwait(false);
        }

        var statusUrl = links.Value.Absolute($"applications/{input.ApplicationId}?token={tokens.Issue(input.ApplicationId, stored.AccessTokenHash)}");
        await notifier.SendAsync(Messages.StatusChanged(
            app.Applicant.Email, app.Applicant.FullName, input.ApplicationId, input.To, input.Note, input.DeadlineUtc,
            input.Reasons.Select(r => r.Message).ToList(), statusUrl, stored.Reference), cancellationToken).ConfigureAwait(false);

        // After the e-mail, and never throwing: a WhatsApp failure is logged and audited, not retried with the mail.
        await whatsApp.SendStatusAsync(stored, input, statusUrl, cancellationToken).ConfigureAwait(false);
        Log.StatusRecorded(logger, input.ApplicationId, input.Sequence, input.From, input.To);
        return true;
    }
}
