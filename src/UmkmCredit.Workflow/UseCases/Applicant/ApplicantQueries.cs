using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>What the applicant sees of an application.</summary>
/// <param name="Stored">The stored application.</param>
/// <param name="Snapshot">Its state as the orchestration publishes it.</param>
/// <param name="Documents">Its documents.</param>
public sealed record ApplicationStatusResult(StoredApplication Stored, ApplicationSnapshot Snapshot, IReadOnlyList<StoredDocument> Documents);

/// <summary>An agreement PDF to hand out.</summary>
/// <param name="ApplicationId">Whose.</param>
/// <param name="Pdf">The bytes.</param>
/// <param name="Signed">True for the signed agreement, false for the draft.</param>
/// <param name="Sha256">SHA-256 of the stored bytes.</param>
public sealed record AgreementFile(string ApplicationId, byte[] Pdf, bool Signed, string Sha256);

/// <summary>The applicant's reads: status and agreement download.</summary>
public sealed class ApplicantQueries(ApplicationState state, IDocumentRepository documents, IAgreementArchive archive)
{
    /// <summary><c>GET /api/applications/{id}</c>.</summary>
    public async Task<Result<ApplicationStatusResult>> GetStatusAsync(string id, string? token, Caller caller, CancellationToken cancellationToken)
    {
        var (stored, failure) = await state.AuthorizeApplicantAsync(id, token, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored!, cancellationToken).ConfigureAwait(false);
        var docs = await documents.ListAsync(stored!.ApplicationId, cancellationToken).ConfigureAwait(false);
        return new ApplicationStatusResult(stored, snapshot, docs);
    }

    /// <summary><c>GET /api/applications/{id}/agreement</c>: the signed agreement when there is one, else the draft.</summary>
    public async Task<Result<AgreementFile>> GetAgreementAsync(string id, string? token, CancellationToken cancellationToken)
    {
        var (stored, failure) = await state.AuthorizeApplicantAsync(id, token, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        return await AgreementFiles.LatestAsync(archive, stored!.ApplicationId, cancellationToken).ConfigureAwait(false) is { } file
            ? file
            : Failure.NotFound();
    }
}

/// <summary>Reads the newest agreement PDF of an application.</summary>
public static class AgreementFiles
{
    /// <summary>The signed agreement if stored, else the draft, else null.</summary>
    public static async Task<AgreementFile?> LatestAsync(IAgreementArchive archive, string applicationId, CancellationToken cancellationToken)
    {
        if (await archive.GetPdfAsync(applicationId, WorkflowNames.AgreementFiles.Signed, cancellationToken).ConfigureAwait(false) is { } signed)
        {
            return new AgreementFile(applicationId, signed.Pdf, true, signed.Sha256);
        }

        return await archive.GetPdfAsync(applicationId, WorkflowNames.AgreementFiles.Draft, cancellationToken).ConfigureAwait(false) is { } draft
            ? new AgreementFile(applicationId, draft.Pdf, false, draft.Sha256)
            : null;
    }
}
