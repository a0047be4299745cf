using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Workflow.Ports;

/// <summary>
/// What is left of an erased or purged application in <c>applications/{id}/application.json</c>: no personal data,
/// only what the programme must still be able to count and answer (id, reference, regency, status, dates) and the
/// hash of the applicant's access token, so the applicant's link says the data was erased instead of "not found".
/// </summary>
/// <param name="ApplicationId">The id.</param>
/// <param name="Reference">The human reference.</param>
/// <param name="RegencyCode">The business's regency (statistics).</param>
/// <param name="Status">The final status.</param>
/// <param name="SubmittedAtUtc">When it was submitted.</param>
/// <param name="FinalAtUtc">When it reached its final status.</param>
/// <param name="ErasedAtUtc">When the personal data was removed.</param>
/// <param name="Reason">The audit event that removed it (<c>application.erased</c> or <c>application.purged</c>).</param>
/// <param name="AccessTokenHash">SHA-256 of the access token (not personal data).</param>
public sealed record ApplicationTombstone(
    string ApplicationId,
    string? Reference,
    string RegencyCode,
    ApplicationStatus Status,
    DateTime SubmittedAtUtc,
    DateTime FinalAtUtc,
    DateTime ErasedAtUtc,
    string Reason,
    string AccessTokenHash)
{
    /// <summary>Always true: tells a tombstone from an application in the same blob.</summary>
    public bool Tombstone { get; init; } = true;
}

/// <summary>
/// Removal of an application's personal data (UU 27/2022 PDP). Every operation is idempotent: deleting what is
/// already gone succeeds, so an erasure interrupted at any point is finished by running it again.
/// </summary>
public interface IPersonalDataStore
{
    /// <summary>The tombstone of an erased application, or null when the blob holds an application (or nothing).</summary>
    Task<ApplicationTombstone?> GetTombstoneAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>Replaces <c>application.json</c> by the tombstone and deletes every stored version (<c>v{n}.json</c>).</summary>
    Task ReplaceWithTombstoneAsync(ApplicationTombstone tombstone, CancellationToken cancellationToken = default);

    /// <summary>Deletes every uploaded document; returns how many were deleted.</summary>
    Task<int> DeleteDocumentsAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the agreement files (model, draft, countersigned and, with <paramref name="includingSigned"/>, the signed PDF and its verification row).</summary>
    Task DeleteAgreementFilesAsync(string applicationId, bool includingSigned, CancellationToken cancellationToken = default);

    /// <summary>Blanks the name and amount of the index row (the row stays for counts and for the retention job).</summary>
    Task StripIndexRowAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the index row.</summary>
    Task DeleteIndexRowAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the audit trail by the given entries (the purge keeps only its tombstone).</summary>
    Task ReplaceAuditAsync(string applicationId, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);
}
