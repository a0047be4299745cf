using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Signals;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>One document from the applicant (bytes already read within the size limit).</summary>
public sealed record UploadDocumentCommand(string ApplicationId, string? Token, string Kind, byte[] Content);

/// <summary>Stores a missing or replacement document and tells the workflow.</summary>
public sealed class UploadDocument(ApplicationState state, IDocumentRepository documents, IAuditTrail audit, TimeProvider time, ILogger<UploadDocument> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<StoredDocument>> ExecuteAsync(UploadDocumentCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var (stored, failure) = await state.AuthorizeApplicantAsync(command.ApplicationId, command.Token, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (!DocumentKinds.IsKnown(command.Kind))
        {
            return Failure.Field("kind", "document.kind", $"Jenis dokumen tidak dikenal. Pilih salah satu: {string.Join(", ", DocumentKinds.All)}.");
        }

        var contentType = FileSignatures.Detect(command.Content);
        if (contentType is null)
        {
            return Failure.Unsupported("Dokumen harus berupa PDF, JPEG atau PNG.");
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored!, cancellationToken).ConfigureAwait(false);
        if (ApplicationRules.MayChangeDocuments(snapshot.Status) is { Allowed: false } refused)
        {
            return Failure.Conflict(refused.Refusal!);
        }

        var id = stored!.ApplicationId;
        var doc = await documents.PutAsync(id, command.Kind, contentType, command.Content, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(id, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.DocumentUploaded, AuditActors.Applicant, command.Kind, caller.Ip, caller.UserAgent, doc.Sha256), cancellationToken).ConfigureAwait(false);
        await ApplicationSignals.RaiseAsync(caller.Durable, id, new WorkflowSignal(SignalKind.DocumentsChanged, AuditActors.Applicant), cancellationToken).ConfigureAwait(false);
        Log.DocumentUploaded(logger, id, command.Kind);
        return doc;
    }
}
