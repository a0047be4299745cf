using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Privacy;

/// <summary>What an erasure or purge removes.</summary>
/// <param name="Event">The audit event: <see cref="AuditEvents.ApplicationErased"/> (the applicant asked) or <see cref="AuditEvents.ApplicationPurged"/> (retention).</param>
/// <param name="Actor">Who asked (audit actor).</param>
/// <param name="Status">The final status recorded in the tombstone.</param>
/// <param name="FinalAtUtc">When the application became final.</param>
public sealed record ErasureRequest(string Event, string Actor, ApplicationStatus Status, DateTime FinalAtUtc)
{
    /// <summary>True for the retention purge: also the signed agreement, the audit trail (down to its tombstones) and the index row.</summary>
    public bool IsPurge => Event == AuditEvents.ApplicationPurged;
}

/// <summary>
/// Removes an application's personal data in an order that survives a crash at any point: (1) the audit tombstone,
/// written once, records the intent; (2) the NIK claim is released (it needs the NIK, which step 6 removes);
/// (3) documents and (4) agreement files are deleted; (5) the engine's history is purged when the instance has
/// finished, and the application's webhook deliveries are stopped and their log deleted (<see cref="Webhooks.WebhookRetirement"/>); (6) the application blob becomes a tombstone, its versions deleted; (7) the index row is stripped
/// (erasure) or, for a purge, the audit is cut down to its tombstones and the row deleted last — the row is what the
/// retention job finds. Every step is idempotent, so running the whole sequence again finishes an interrupted one.
/// </summary>
public sealed class PersonalDataEraser(
    IApplicationRepository applications,
    IPersonalDataStore store,
    IAuditTrail audit,
    IApplicationIndex index,
    ActiveApplicationGuard activeApplications,
    Webhooks.WebhookRetirement webhooks,
    TimeProvider time,
    ILogger<PersonalDataEraser> logger)
{
    /// <summary>The audit detail of a tombstone (no personal data).</summary>
    public const string ErasedDetail = "Data pribadi, dokumen dan riwayat mesin alur kerja dihapus (UU 27/2022 PDP).";

    /// <summary>Runs (or finishes) the removal; returns the tombstone left in the application blob.</summary>
    public async Task<ApplicationTombstone?> EraseAsync(string applicationId, ErasureRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var trail = await audit.ReadAsync(applicationId, cancellationToken).ConfigureAwait(false);
        if (!trail.Any(e => e.Event == request.Event))
        {
            await audit.AppendAsync(applicationId, new AuditEntry(now, request.Event, request.Actor, ErasedDetail), cancellationToken).ConfigureAwait(false);
        }

        var stored = await applications.GetAsync(applicationId, cancellationToken).ConfigureAwait(false);
        var tombstone = await store.GetTombstoneAsync(applicationId, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            await activeApplications.ReleaseAsync(stored.Application.Applicant.Nik, applicationId, cancellationToken).ConfigureAwait(false);
        }

        var documents = await store.DeleteDocumentsAsync(applicationId, cancellationToken).ConfigureAwait(false);
        await store.DeleteAgreementFilesAsync(applicationId, includingSigned: request.IsPurge, cancellationToken).ConfigureAwait(false);
        var purged = await PurgeEngineAsync(durable, applicationId, cancellationToken).ConfigureAwait(false);
        await webhooks.RetireAsync(applicationId, durable, cancellationToken).ConfigureAwait(false);

        if (stored is not null || (tombstone is not null && tombstone.Reason != request.Event))
        {
            var row = await index.GetAsync(applicationId, cancellationToken).ConfigureAwait(false);
            tombstone = new ApplicationTombstone(
                applicationId,
                stored?.Reference ?? tombstone?.Reference,
                stored?.Application.Business.RegencyCode ?? tombstone?.RegencyCode ?? row?.RegencyCode ?? string.Empty,
                request.Status,
                stored?.SubmittedAtUtc ?? tombstone?.SubmittedAtUtc ?? row?.SubmittedAtUtc ?? now,
                request.FinalAtUtc,
                tombstone?.ErasedAtUtc ?? now,
                request.Event,
                stored?.AccessTokenHash ?? tombstone!.AccessTokenHash);
            await store.ReplaceWithTombstoneAsync(tombstone, cancellationToken).ConfigureAwait(false);
        }

        if (request.IsPurge)
        {
            var tombstones = (await audit.ReadAsync(applicationId, cancellationToken).ConfigureAwait(false))
                .Where(e => e.Event is AuditEvents.ApplicationErased or AuditEvents.ApplicationPurged)
                .Select(e => e with { Ip = null, UserAgent = null })
                .ToList();
            await store.ReplaceAuditAsync(applicationId, tombstones, cancellationToken).ConfigureAwait(false);
            await store.DeleteIndexRowAsync(applicationId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.StripIndexRowAsync(applicationId, cancellationToken).ConfigureAwait(false);
        }

        PrivacyLog.Erased(logger, applicationId, request.Event, documents, purged);
        return tombstone;
    }

    private static async Task<bool> PurgeEngineAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return true;
        }

        if (!metadata.IsCompleted)
        {
            return false; // still closing its links: the retention job purges it later
        }

        var result = await durable.PurgeInstanceAsync(instanceId, cancellation: cancellationToken).ConfigureAwait(false);
        return result.PurgedInstanceCount > 0;
    }
}
