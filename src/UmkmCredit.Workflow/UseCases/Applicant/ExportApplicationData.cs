using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Privacy;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>The applicant's data as one zip.</summary>
/// <param name="ApplicationId">Whose.</param>
/// <param name="FileName">Suggested file name (with the human reference).</param>
/// <param name="Zip">The bytes.</param>
public sealed record ApplicationExport(string ApplicationId, string FileName, byte[] Zip);

/// <summary>
/// <c>GET /api/applications/{id}/export</c>: the applicant's right of access (UU 27/2022 PDP). A zip with
/// <c>permohonan.json</c> (every field as stored), <c>riwayat-status.json</c>, <c>jejak-audit.json</c>, the documents
/// under <c>dokumen/{kind}.{ext}</c> and the agreement PDF if there is one. The download itself is recorded in the audit.
/// </summary>
public sealed class ExportApplicationData(
    ApplicationState state,
    IDocumentRepository documents,
    IAuditTrail audit,
    IAgreementArchive archive,
    TimeProvider time,
    ILogger<ExportApplicationData> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Runs the query.</summary>
    public async Task<Result<ApplicationExport>> ExecuteAsync(string applicationId, string? token, Caller caller, CancellationToken cancellationToken)
    {
        var (stored, failure) = await state.AuthorizeApplicantAsync(applicationId, token, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var id = stored!.ApplicationId;
        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await audit.AppendAsync(id, new AuditEntry(now.UtcDateTime, AuditEvents.ApplicationExported, AuditActors.Applicant, null, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        var trail = await audit.ReadAsync(id, cancellationToken).ConfigureAwait(false);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, "permohonan.json", JsonSerializer.SerializeToUtf8Bytes(new
            {
                applicationId = id,
                reference = stored.Reference,
                version = stored.Version,
                submittedAt = stored.SubmittedAtUtc,
                application = stored.Application,
            }, Json), now, cancellationToken).ConfigureAwait(false);
            await AddAsync(zip, "riwayat-status.json", JsonSerializer.SerializeToUtf8Bytes(new
            {
                status = snapshot.Status,
                updatedAt = snapshot.UpdatedAtUtc,
                history = snapshot.History,
            }, Json), now, cancellationToken).ConfigureAwait(false);
            await AddAsync(zip, "jejak-audit.json", JsonSerializer.SerializeToUtf8Bytes(
                trail.Select(e => new { at = e.AtUtc, @event = e.Event, label = AuditEvents.Label(e.Event), actor = e.Actor, detail = e.Detail, ip = e.Ip, userAgent = e.UserAgent, documentSha256 = e.DocumentSha256 }),
                Json), now, cancellationToken).ConfigureAwait(false);

            foreach (var doc in await documents.ListAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (await documents.GetAsync(id, doc.Kind, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    await AddAsync(zip, $"dokumen/{doc.Kind}{Extension(found.Info.ContentType)}", found.Content, now, cancellationToken).ConfigureAwait(false);
                }
            }

            if (await AgreementFiles.LatestAsync(archive, id, cancellationToken).ConfigureAwait(false) is { } agreement)
            {
                await AddAsync(zip, agreement.Signed ? "perjanjian.pdf" : "perjanjian-draf.pdf", agreement.Pdf, now, cancellationToken).ConfigureAwait(false);
            }
        }

        PrivacyLog.Exported(logger, id);
        return new ApplicationExport(id, $"data-pribadi-{stored.Reference ?? id}.zip", buffer.ToArray());
    }

    /// <summary>The file extension of a stored document's content type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".bin",
    };

    private static Task AddAsync(ZipArchive zip, string name, byte[] content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = at;
        using var stream = entry.Open(); // into memory: nothing to wait for
        stream.Write(content);
        return Task.CompletedTask;
    }
}
