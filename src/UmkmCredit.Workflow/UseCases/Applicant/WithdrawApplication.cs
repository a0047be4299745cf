using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Signals;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>The applicant withdraws their application.</summary>
public sealed class WithdrawApplication(ApplicationState state, ILogger<WithdrawApplication> logger)
{
    /// <summary>The note recorded with the withdrawal.</summary>
    public const string Note = "Permohonan ditarik oleh pemohon.";

    /// <summary>Runs the command; the value is the application id.</summary>
    public async Task<Result<string>> ExecuteAsync(string applicationId, string? token, Caller caller, CancellationToken cancellationToken)
    {
        var (stored, failure) = await state.AuthorizeApplicantAsync(applicationId, token, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored!, cancellationToken).ConfigureAwait(false);
        if (ApplicationRules.MayWithdraw(snapshot.Status) is { Allowed: false } refused)
        {
            return Failure.Conflict(refused.Refusal!);
        }

        if (!await ApplicationSignals.RaiseAsync(caller.Durable, stored!.ApplicationId,
            new WorkflowSignal(SignalKind.Withdraw, AuditActors.Applicant, Note: Note), cancellationToken).ConfigureAwait(false))
        {
            return ApplicationSignals.NotStarted();
        }

        Log.ApplicationWithdrawn(logger, stored.ApplicationId);
        return stored.ApplicationId;
    }
}
