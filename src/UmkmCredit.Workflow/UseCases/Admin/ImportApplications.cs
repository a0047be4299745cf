using System.Security.Cryptography;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Imports;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Imports;

namespace UmkmCredit.Workflow.UseCases.Admin;

/// <summary>An accepted import: its id, row count, and whether this request started it (false: the same file was sent before).</summary>
public sealed record ImportStarted(string ImportId, int Total, bool New);

/// <summary>An import's progress and its rows' outcomes.</summary>
public sealed record ImportProgress(ImportRecord Record, IReadOnlyList<ImportRowOutcome> Rows)
{
    /// <summary>Rows processed (accepted or not).</summary>
    public int Done => Rows.Count;

    /// <summary>Rows with errors.</summary>
    public int Failed => Rows.Count(r => r.Errors is { Count: > 0 });
}

/// <summary>
/// Starts a bulk import (an outreach event's CSV): checks the file (header of known columns, row limit), stores it,
/// records the import and starts its orchestration. The import id is derived from the file's SHA-256, so sending the
/// same file again returns the same import and creates nothing.
/// </summary>
public sealed class ImportApplications(IImportStore store, IImportRowBinder binder, TimeProvider time, ILogger<ImportApplications> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<ImportStarted>> ExecuteAsync(ReadOnlyMemory<byte> content, Caller caller, CancellationToken cancellationToken)
    {
        if (content.Length > ImportFiles.MaxBytes)
        {
            return Failure.TooLarge($"Berkas impor paling besar {ImportFiles.MaxBytes / (1024 * 1024)} MB.");
        }

        var table = Csv.TryRead(content.Span, ImportFiles.MaxRows, out var error, out var line);
        if (table is null)
        {
            return error switch
            {
                Csv.HeaderError => Failure.Field("file", error, "Berkas kosong atau tidak punya baris judul kolom (misalnya applicant.nik,applicant.fullName,…)."),
                Csv.TooManyRowsError => Failure.Field("file", error, $"Berkas berisi lebih dari {ImportFiles.MaxRows} baris. Bagi menjadi beberapa berkas."),
                Csv.EncodingError => Failure.Field("file", error!, "Berkas harus berupa teks UTF-8 (simpan sebagai \"CSV UTF-8\")."),
                _ => Failure.Field("file", error ?? "csv.invalid", $"Tanda kutip pada baris {line} tidak tertutup atau salah letak."),
            };
        }

        var unknown = table.Header.Where(h => !binder.Columns.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            return Failure.Field("file", "csv.column", $"Kolom tidak dikenal: {string.Join(", ", unknown.Take(5))}. Gunakan nama isian formulir, misalnya applicant.nik atau request.amount.");
        }

        var duplicate = table.Header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return Failure.Field("file", "csv.duplicateColumn", $"Kolom {duplicate.Key} muncul lebih dari sekali.");
        }

        if (table.Rows.Count == 0)
        {
            return Failure.Field("file", "csv.empty", "Berkas hanya berisi baris judul kolom, tanpa data permohonan.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var importId = sha[..32];
        var existing = await store.GetAsync(importId, cancellationToken).ConfigureAwait(false);
        await store.SaveFileAsync(importId, content, cancellationToken).ConfigureAwait(false);
        var record = existing ?? await store.CreateAsync(new ImportRecord(importId, sha, table.Rows.Count, ImportStatus.Running, time.GetUtcNow().UtcDateTime, null), cancellationToken).ConfigureAwait(false);
        var started = await EnsureStartedAsync(record, caller.Durable, cancellationToken).ConfigureAwait(false);
        ImportLog.Started(logger, importId, record.Total, started ? "started" : "already known");
        return new ImportStarted(importId, record.Total, started);
    }

    private static async Task<bool> EnsureStartedAsync(ImportRecord record, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceId = ImportOrchestration.InstanceId(record.ImportId);
        if (record.Status == ImportStatus.Completed || await durable.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        // two posts of the same file at once: the other one started it
        return await InstanceStarts.TryStartAsync(durable, WorkflowNames.Orchestrations.Import, new ImportWorkflowInput(record.ImportId, record.Total),
            instanceId, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Reads an import's progress.</summary>
public sealed class ImportQueries(IImportStore store)
{
    /// <summary>The import with its rows, or 404.</summary>
    public async Task<Result<ImportProgress>> GetAsync(string importId, CancellationToken cancellationToken)
    {
        if (importId is not { Length: 32 } || !importId.All(char.IsAsciiHexDigitLower))
        {
            return Failure.NotFound();
        }

        var record = await store.GetAsync(importId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Failure.NotFound();
        }

        var rows = await store.ListRowsAsync(importId, cancellationToken).ConfigureAwait(false);
        return new ImportProgress(record, rows);
    }
}
