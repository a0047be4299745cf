using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Imports;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Workflow.Imports;

/// <summary>
/// Submits a run of rows of an import, each through <see cref="SubmitApplication"/> — the command of a single
/// submission, so a row is validated exactly like one — under an idempotency key made of the file's hash, the row
/// number and the row's content: a rerun of the activity, or of the whole import, finds the application it made the
/// first time. Rows of a run go <see cref="Parallelism"/> at a time; each row's outcome is stored as it is known.
/// </summary>
public sealed class ImportRows(ImportFiles files, IImportStore store, IImportRowBinder binder, SubmitApplication submit, IEngineClientSource engine, ILogger<ImportRows> logger)
    : IWorkflowActivity<ImportRowsInput, int>
{
    /// <summary>User agent recorded as evidence of an imported submission.</summary>
    public const string Evidence = "umkmcredit-import";

    /// <summary>Rows of one run submitted at the same time.</summary>
    public const int Parallelism = 4;

    /// <inheritdoc />
    public async Task<int> RunAsync(ImportRowsInput input, CancellationToken cancellationToken = default)
    {
        var table = await files.GetAsync(input.ImportId).ConfigureAwait(false);
        var record = await store.GetAsync(input.ImportId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Import {input.ImportId} is not recorded.");
        var rows = Enumerable.Range(input.FirstRow, input.Count).Where(r => r >= 1 && r <= table.Rows.Count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(rows, options, async (r, ct) => await SubmitRowAsync(input.ImportId, record, table, r, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return input.Count;
    }

    /// <summary>Submits one row and stores its outcome.</summary>
    public async Task<ImportRowOutcome> SubmitRowAsync(string importId, ImportRecord record, CsvTable table, int number, CancellationToken cancellationToken)
    {
        var row = table.Rows[number - 1];
        var command = binder.Bind(Csv.ByColumn(table.Header, row)) with { IdempotencyKey = IdempotencyKey(record.FileSha256, row) };
        var (result, failure) = await submit.ExecuteAsync(command, new Caller(engine.Client, null, Evidence), cancellationToken).ConfigureAwait(false);
        if (failure is { Kind: FailureKind.Unavailable })
        {
            throw new InvalidOperationException($"Import {importId} row {number}: storage or engine unavailable."); // the run is retried
        }

        var outcome = failure is null
            ? new ImportRowOutcome(number, result!.ApplicationId, null)
            : new ImportRowOutcome(number, null, ErrorsOf(failure));
        await store.SaveRowAsync(importId, outcome, cancellationToken).ConfigureAwait(false);
        ImportLog.RowDone(logger, importId, number, failure is null ? "accepted" : failure.Kind.ToString());
        return outcome;
    }

    /// <summary>The row's idempotency key: file hash, row number and SHA-256 of the row's content.</summary>
    public static string IdempotencyKey(string fileSha256, CsvRow row) =>
        $"import:{fileSha256}:{row.Number}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row.Text)))}";

    /// <summary>
    /// A failure as row errors: an invalid row keeps its field errors; any other failure (a NIK with an application
    /// under way, too many submissions, a key conflict) becomes one error with the command's own message.
    /// </summary>
    public static IReadOnlyList<ValidationError> ErrorsOf(Failure failure) =>
        failure.Errors is { Count: > 0 } errors
            ? errors
            : [new ValidationError("$", "row." + char.ToLowerInvariant(failure.Kind.ToString()[0]) + failure.Kind.ToString()[1..], failure.Detail)];
}

/// <summary>Records the rows of a run that kept failing (storage or engine down through every retry) and have no outcome yet, so the import still completes.</summary>
public sealed class RecordImportRowFailure(IImportStore store) : IWorkflowActivity<ImportRowsInput, bool>
{
    /// <summary>The message of such a row.</summary>
    public const string Message = "Baris ini belum dapat diproses karena layanan sedang terganggu. Kirim baris ini lagi dalam berkas baru.";

    /// <inheritdoc />
    public async Task<bool> RunAsync(ImportRowsInput input, CancellationToken cancellationToken = default)
    {
        var known = (await store.ListRowsAsync(input.ImportId, cancellationToken).ConfigureAwait(false)).Select(r => r.Row).ToHashSet();
        foreach (var row in Enumerable.Range(input.FirstRow, input.Count).Where(r => !known.Contains(r)))
        {
            await store.SaveRowAsync(input.ImportId, new ImportRowOutcome(row, null, [new ValidationError("$", "row.unavailable", Message)]), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}

/// <summary>Marks an import completed once every row has its outcome.</summary>
public sealed class CompleteImport(IImportStore store, TimeProvider time, ILogger<CompleteImport> logger) : IWorkflowActivity<string, bool>
{
    /// <inheritdoc />
    public async Task<bool> RunAsync(string input, CancellationToken cancellationToken = default)
    {
        await store.CompleteAsync(input, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        ImportLog.Completed(logger, input);
        return true;
    }
}
