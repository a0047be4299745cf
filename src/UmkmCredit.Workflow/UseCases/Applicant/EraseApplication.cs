using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Privacy;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Privacy;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>The applicant's erasure was done (or finished).</summary>
/// <param name="ApplicationId">The id.</param>
/// <param name="Reference">The human reference (kept in the tombstone).</param>
public sealed record ErasureResult(string ApplicationId, string? Reference);

/// <summary>
/// <c>POST /api/applications/{id}/erase</c>: the applicant's right to erasure (UU 27/2022 PDP) for a final application
/// without a signed agreement. Re-runnable: once the audit holds the intent, or the blob is a tombstone, a retry finishes
/// the job whatever state it was interrupted in.
/// </summary>
public sealed class EraseApplication(
    ApplicationState state,
    IPersonalDataStore store,
    IAgreementArchive archive,
    IAuditTrail audit,
    IApplicationIndex index,
    PersonalDataEraser eraser)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<ErasureResult>> ExecuteAsync(string applicationId, string? token, Caller caller, CancellationToken cancellationToken)
    {
        var (stored, failure) = await state.AuthorizeApplicantAsync(applicationId, token, cancellationToken).ConfigureAwait(false);
        if (failure is { Kind: FailureKind.Gone })
        {
            // Already a tombstone (the token matched it): finish whatever a crash left, answer as the first time.
            var tombstone = (await store.GetTombstoneAsync(applicationId, cancellationToken).ConfigureAwait(false))!;
            await eraser.EraseAsync(applicationId, new ErasureRequest(tombstone.Reason, AuditActors.Applicant, tombstone.Status, tombstone.FinalAtUtc), caller.Durable, cancellationToken).ConfigureAwait(false);
            return new ErasureResult(applicationId, tombstone.Reference);
        }

        if (failure is not null)
        {
            return failure;
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored!, cancellationToken).ConfigureAwait(false);
        var status = snapshot.Status;
        var finalAt = snapshot.UpdatedAtUtc;
        var resumed = (await audit.ReadAsync(stored!.ApplicationId, cancellationToken).ConfigureAwait(false)).Any(e => e.Event == AuditEvents.ApplicationErased);
        if (resumed && !status.IsTerminal() && await index.GetAsync(stored.ApplicationId, cancellationToken).ConfigureAwait(false) is { } row)
        {
            // The engine history was purged before the crash: the index row still knows the final status.
            (status, finalAt) = (row.Status, row.UpdatedAtUtc);
        }

        if (!resumed)
        {
            var signed = await archive.FindSignedAsync(stored.ApplicationId, cancellationToken).ConfigureAwait(false) is not null;
            if (PersonalDataRules.MayErase(status, signed) is { Allowed: false } refused)
            {
                return Failure.Conflict(refused.Refusal!);
            }
        }

        await eraser.EraseAsync(stored.ApplicationId, new ErasureRequest(AuditEvents.ApplicationErased, AuditActors.Applicant, status, finalAt), caller.Durable, cancellationToken).ConfigureAwait(false);
        return new ErasureResult(stored.ApplicationId, stored.Reference);
    }
}
