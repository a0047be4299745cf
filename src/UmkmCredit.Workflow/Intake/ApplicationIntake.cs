using Microsoft.DurableTask.Client;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Intake;

/// <summary>A document received with a submission (already checked by size and magic bytes).</summary>
public sealed record UploadedDocument(string Kind, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>Result of a submission.</summary>
/// <remarks><c>ActiveApplication</c>: refused because another application of the NIK is not final (<c>Reference</c> is then that application's).</remarks>
public sealed record SubmissionResult(bool Conflict, string ApplicationId, string AccessToken, DateTime SubmittedAtUtc, string? Reference = null, bool ActiveApplication = false);

/// <summary>
/// Stores a validated application and starts its orchestration. Every step is idempotent, so a retry with
/// the same Idempotency-Key finishes whatever a crashed attempt left (blob, documents, index row, orchestration)
/// instead of creating a second application.
/// </summary>
public sealed class ApplicationIntake(
    IApplicationRepository applications,
    IDocumentRepository documents,
    IApplicationIndex index,
    IAuditTrail audit,
    IIdempotencyStore idempotency,
    AccessTokens tokens,
    IApplicationReferences references,
    ActiveApplicationGuard guard,
    TimeProvider time)
{
    /// <summary>Submits (or completes a previous attempt of) an application.</summary>
    public async Task<SubmissionResult> SubmitAsync(
        CreditApplication application, IReadOnlyList<UploadedDocument> uploads, string? idempotencyKey, string bodyHash,
        DurableTaskClient durable, string? ip, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid().ToString("N");
        var retry = false;
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            var (reserved, record) = await idempotency.ReserveAsync(new IdempotencyRecord(idempotencyKey, bodyHash, id, now), cancellationToken).ConfigureAwait(false);
            if (!reserved)
            {
                if (record.BodyHash != bodyHash)
                {
                    return new SubmissionResult(true, record.ApplicationId, string.Empty, record.CreatedAtUtc);
                }

                id = record.ApplicationId;
                now = record.CreatedAtUtc;
                retry = true;
            }
        }

        // One active application per NIK: claimed before the reference and the blob, so a refused submission uses
        // no reference number. A retry of a submission that was stored answers as the first time, whatever holds the NIK now.
        if (!retry || await applications.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            var claim = await guard.ClaimAsync(application.Applicant.Nik, id, cancellationToken).ConfigureAwait(false);
            if (!claim.Taken)
            {
                return new SubmissionResult(false, claim.HolderId ?? string.Empty, string.Empty, now, claim.HolderReference, ActiveApplication: true);
            }
        }

        var token = tokens.Issue(id);
        var reference = await references.AllocateAsync(id, application.Business.RegencyCode, Domain.Calendar.Wita.TodayFromUtc(now).Year, cancellationToken).ConfigureAwait(false);
        var stored = new StoredApplication(id, 1, now, application with { ConsentedAtUtc = now }, AccessTokens.Hash(token), reference);
        var created = await applications.TryCreateAsync(stored, cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            stored = await applications.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? stored;
            token = tokens.Issue(id, stored.AccessTokenHash);
            await RecordAsync(stored, created, uploads, ip, userAgent, cancellationToken).ConfigureAwait(false);

            // Another attempt with this key stored the application: give it a moment to start the
            // orchestration, and finish the job only if it does not (it crashed).
            await WaitForInstanceAsync(id, durable, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            await EnsureStartedAsync(stored, durable, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The application is stored (the commit point): its audit trail and documents and its index row are
            // independent of each other, so they run side by side; the orchestration starts only after both (its first
            // activities read the documents and update the index row). No lookup before the start: this attempt has just
            // created the application, and a start that meets a live instance (a retry or the sweep got there first) is
            // refused by the engine, not applied (InstanceStarts).
            await Task.WhenAll(
                RecordAsync(stored, created, uploads, ip, userAgent, cancellationToken),
                IndexAsync(stored, cancellationToken)).ConfigureAwait(false);
            await StartAsync(stored, durable, cancellationToken).ConfigureAwait(false);
        }

        return new SubmissionResult(false, id, token, stored.SubmittedAtUtc, stored.Reference);
    }

    private async Task WaitForInstanceAsync(string id, DurableTaskClient durable, TimeSpan patience, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + patience;
        while (time.GetUtcNow() < until && await durable.GetInstanceAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes sure the index row and the orchestration of a stored application exist (used by retries and the recovery sweep).</summary>
    public async Task EnsureStartedAsync(StoredApplication stored, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        await IndexAsync(stored, cancellationToken).ConfigureAwait(false);
        if (await durable.GetInstanceAsync(stored.ApplicationId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        await StartAsync(stored, durable, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The audit entries of the submission (when this attempt stored it) and its documents, in order.</summary>
    private async Task RecordAsync(StoredApplication stored, bool created, IReadOnlyList<UploadedDocument> uploads, string? ip, string? userAgent, CancellationToken cancellationToken)
    {
        var id = stored.ApplicationId;
        var now = stored.SubmittedAtUtc;
        if (created)
        {
            await audit.AppendAsync(id, new AuditEntry(now, AuditEvents.ApplicationSubmitted, AuditActors.Applicant, null, ip, userAgent), cancellationToken).ConfigureAwait(false);
            if (Notifications.WhatsAppConsent.Entry(stored.Application, null, now, ip, userAgent) is { } consent)
            {
                await audit.AppendAsync(id, consent, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var upload in uploads)
        {
            var doc = await documents.PutAsync(id, upload.Kind, upload.ContentType, upload.Content, cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(id, new AuditEntry(now, AuditEvents.DocumentUploaded, AuditActors.Applicant, doc.Kind, ip, userAgent, doc.Sha256), cancellationToken).ConfigureAwait(false);
        }
    }

    private Task IndexAsync(StoredApplication stored, CancellationToken cancellationToken)
    {
        var app = stored.Application;
        return index.UpsertAsync(new IndexEntry(stored.ApplicationId, ApplicationStatus.Submitted, app.Business.RegencyCode,
            app.Applicant.FullName, app.Request.Amount, stored.SubmittedAtUtc, stored.SubmittedAtUtc, null, 0), cancellationToken);
    }

    private static Task<bool> StartAsync(StoredApplication stored, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var app = stored.Application;
        return InstanceStarts.TryStartAsync(durable, WorkflowNames.Orchestrations.Application,
            new ApplicationWorkflowInput(stored.ApplicationId, app.Business.RegencyCode, app.Business.Sector, stored.SubmittedAtUtc),
            stored.ApplicationId, cancellationToken);
    }
}
