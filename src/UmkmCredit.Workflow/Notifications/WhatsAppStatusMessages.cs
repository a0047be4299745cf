using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Notifications;

/// <summary>
/// The WhatsApp copy of a status e-mail, for applicants who opted in (<c>consent.whatsapp</c>) when
/// <c>Notifications:WhatsApp</c> is configured. Sent after the e-mail and never thrown: a failure is logged (number
/// masked) and written to the audit trail, so the e-mail and the workflow go on and a retry of the step cannot mail twice.
/// The message carries the name, the reference, the status and the status link — never the NIK.
/// </summary>
public sealed partial class WhatsAppStatusMessages(
    IWhatsAppSender sender,
    IOptions<WhatsAppOptions> options,
    IAuditTrail audit,
    ILogger<WhatsAppStatusMessages> logger)
{
    /// <summary>Builds the template message of a status change (pure).</summary>
    public static WhatsAppTemplateMessage StatusChanged(WhatsAppOptions options, string to, string name, string reference, Domain.Applications.ApplicationStatus status, string statusUrl) =>
        new(to, options.StatusTemplate, options.LanguageCode, [name, reference, StatusLabels.Of(status), statusUrl]);

    /// <summary>Sends the status message if WhatsApp is on and the applicant opted in; returns whether one was sent.</summary>
    public async Task<bool> SendStatusAsync(StoredApplication stored, StatusChangeRecord change, string statusUrl, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled || !stored.Application.WhatsAppConsent)
        {
            return false;
        }

        var id = stored.ApplicationId;
        try
        {
            if (!WhatsAppNumber.TryNormalize(stored.Application.Applicant.Phone, out var to))
            {
                LogRefused(logger, id, change.Sequence);
                await RecordAsync(id, change, AuditEvents.WhatsAppFailed, "nomor HP bukan nomor seluler Indonesia", cancellationToken).ConfigureAwait(false);
                return false;
            }

            var message = StatusChanged(settings, to, stored.Application.Applicant.FullName, stored.Reference ?? id, change.To, statusUrl);
            var result = await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var masked = WhatsAppNumber.Mask(to);
            if (result.Sent)
            {
                LogSent(logger, id, change.Sequence, masked, result.MessageId ?? string.Empty);
                await RecordAsync(id, change, AuditEvents.WhatsAppSent, $"{settings.StatusTemplate} ke {masked}", cancellationToken).ConfigureAwait(false);
                return true;
            }

            LogFailed(logger, id, change.Sequence, masked, result.Result);
            await RecordAsync(id, change, AuditEvents.WhatsAppFailed, $"{settings.StatusTemplate} ke {masked}: {result.Result}", cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong (even the audit write), the e-mail is out and the step must not be retried for this.
            LogFailed(logger, id, change.Sequence, string.Empty, ex.GetType().Name);
            return false;
        }
    }

    private Task RecordAsync(string applicationId, StatusChangeRecord change, string @event, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(applicationId, new AuditEntry(change.AtUtc, @event, AuditActors.System, $"#{change.Sequence} {change.To}: {detail}"), cancellationToken);

    [LoggerMessage(EventId = 1170, Level = LogLevel.Information, Message = "Application {ApplicationId} status #{Sequence} sent by WhatsApp to {Phone} ({MessageId})")]
    private static partial void LogSent(ILogger logger, string applicationId, int sequence, string phone, string messageId);

    [LoggerMessage(EventId = 1171, Level = LogLevel.Warning, Message = "Application {ApplicationId} status #{Sequence} not sent by WhatsApp to {Phone}: {Result}; the e-mail went out")]
    private static partial void LogFailed(ILogger logger, string applicationId, int sequence, string phone, string result);

    [LoggerMessage(EventId = 1172, Level = LogLevel.Warning, Message = "Application {ApplicationId} status #{Sequence} not sent by WhatsApp: the stored phone number is not an Indonesian mobile number")]
    private static partial void LogRefused(ILogger logger, string applicationId, int sequence);
}

/// <summary>The audit entry of the WhatsApp opt-in (<c>consent.whatsapp</c>): given with the application or a revision, or withdrawn in a revision.</summary>
public static class WhatsAppConsent
{
    /// <summary>The entry to append when the choice is new (<paramref name="before"/> null: a first submission), else null.</summary>
    public static AuditEntry? Entry(Domain.Applications.CreditApplication application, bool? before, DateTime atUtc, string? ip, string? userAgent)
    {
        if (application.WhatsAppConsent == (before ?? false))
        {
            return null;
        }

        var detail = application.WhatsAppConsent
            ? "diberikan untuk " + WhatsAppNumber.Mask(WhatsAppNumber.TryNormalize(application.Applicant.Phone, out var to) ? to : application.Applicant.Phone)
            : "ditarik";
        return new AuditEntry(atUtc, AuditEvents.WhatsAppConsentGiven, AuditActors.Applicant, detail, ip, userAgent);
    }
}
