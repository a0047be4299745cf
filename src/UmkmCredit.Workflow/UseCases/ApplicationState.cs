using Microsoft.DurableTask.Client;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.UseCases;

/// <summary>Finds applications and reads their state as the orchestration publishes it.</summary>
public sealed class ApplicationState(IApplicationRepository applications, IPersonalDataStore? erasures = null)
{
    /// <summary>True for ids we issue (32 lowercase hex digits).</summary>
    public static bool IsApplicationId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The stored application, or null for an unknown or malformed id.</summary>
    public async Task<StoredApplication?> FindAsync(string? id, CancellationToken cancellationToken) =>
        IsApplicationId(id) ? await applications.GetAsync(id!, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The stored application when the applicant's token matches it; 401 without a token, 404 otherwise.</summary>
    public async Task<Result<StoredApplication>> AuthorizeApplicantAsync(string? id, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Failure.Unauthorized();
        }

        var stored = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null && erasures is not null && IsApplicationId(id)
            && await erasures.GetTombstoneAsync(id!, cancellationToken).ConfigureAwait(false) is { } tombstone
            && AccessTokens.Matches(token, tombstone.AccessTokenHash))
        {
            return Erased(tombstone);
        }

        return stored is not null && AccessTokens.Matches(token, stored.AccessTokenHash) ? stored : Failure.NotFound();
    }

    /// <summary>410 for the holder of an erased application's token: what happened and when, nothing else.</summary>
    public static Failure Erased(ApplicationTombstone tombstone) => new(FailureKind.Gone, "Data sudah dihapus",
        $"Data pribadi dan dokumen permohonan {tombstone.Reference ?? tombstone.ApplicationId} sudah dihapus pada {Domain.Calendar.Wita.FormatTimestamp(tombstone.ErasedAtUtc)}"
        + (tombstone.Reason == Catalog.AuditEvents.ApplicationPurged ? " karena masa simpan berakhir." : " atas permintaan Anda.")
        + " Yang tersisa hanya catatan tanpa data pribadi (nomor, kabupaten/kota, status dan tanggal).");

    /// <summary>The orchestration's published state; <c>Submitted</c> until the orchestration first runs.</summary>
    public static async Task<ApplicationSnapshot> SnapshotAsync(DurableTaskClient durable, StoredApplication stored, CancellationToken cancellationToken)
    {
        var metadata = await durable.GetInstanceAsync(stored.ApplicationId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        var snapshot = metadata?.SerializedCustomStatus is { Length: > 0 } ? metadata.ReadCustomStatusAs<ApplicationSnapshot>() : null;
        return snapshot ?? new ApplicationSnapshot(ApplicationStatus.Submitted, stored.SubmittedAtUtc, null, [], null,
            [new HistoryItem(stored.SubmittedAtUtc, ApplicationStatus.Submitted, null)], null, null);
    }
}
