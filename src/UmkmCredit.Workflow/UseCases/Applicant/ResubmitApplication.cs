using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Signals;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>The revised application the applicant sends after a revision request.</summary>
public sealed record ResubmitApplicationCommand(string ApplicationId, string? Token, ApplicationForm? Form);

/// <summary>Stores a new version of the application and sends it back to review.</summary>
public sealed class ResubmitApplication(
    ApplicationState state, IApplicationRepository applications, IAuditTrail audit, SchemeCatalog schemes, TimeProvider time, ILogger<ResubmitApplication> logger)
{
    /// <summary>Runs the command; the value is the new version number.</summary>
    public async Task<Result<int>> ExecuteAsync(ResubmitApplicationCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var (stored, failure) = await state.AuthorizeApplicantAsync(command.ApplicationId, command.Token, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var outcome = ApplicationValidator.Validate(command.Form, Wita.TodayFromUtc(now), schemes);
        if (!outcome.IsValid)
        {
            return Failure.Invalid(outcome.Errors);
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored!, cancellationToken).ConfigureAwait(false);
        if (ApplicationRules.MayResubmit(snapshot.Status) is { Allowed: false } refused)
        {
            return Failure.Conflict(refused.Refusal!);
        }

        var revised = outcome.Application!;
        if (ApplicationRules.MayChangeRegency(stored!.Application.Business.RegencyCode, revised.Business.RegencyCode) is { Allowed: false } moved)
        {
            return Failure.Field("business.regency", "regency.changed", moved.Refusal!);
        }

        var next = stored with { Version = stored.Version + 1, Application = revised with { ConsentedAtUtc = now } };
        await applications.SaveRevisionAsync(next, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(stored.ApplicationId, new AuditEntry(now, AuditEvents.ApplicationResubmitted, AuditActors.Applicant, $"v{next.Version}", caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        if (Notifications.WhatsAppConsent.Entry(next.Application, stored.Application.WhatsAppConsent, now, caller.Ip, caller.UserAgent) is { } consent)
        {
            await audit.AppendAsync(stored.ApplicationId, consent, cancellationToken).ConfigureAwait(false);
        }
        await ApplicationSignals.RaiseAsync(caller.Durable, stored.ApplicationId, new WorkflowSignal(SignalKind.Resubmitted, AuditActors.Applicant), cancellationToken).ConfigureAwait(false);
        Log.ApplicationResubmitted(logger, stored.ApplicationId, next.Version);
        return next.Version;
    }
}
