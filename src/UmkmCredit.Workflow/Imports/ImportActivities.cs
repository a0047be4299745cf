using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Imports;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Workflow.Imports;

/// <summary>
/// Submits one row of an import through <see cref="SubmitApplication"/> — the command of a single submission, so the
/// row is validated exactly like one — under an idempotency key made of the file's hash, the row number and the row's
/// content: a rerun of the activity, or of the whole import, finds the application it made the first time.
/// </summary>
public sealed class ImportRow(ImportFiles files, IImportStore store, IImportRowBinder binder, SubmitApplication submit, IEngineClientSource engine, ILogger<ImportRow> logger)
    : IWorkflowActivity<ImportRowInput, ImportRowOutcome>
{
    /// <summary>User agent recorded as evidence of an imported submission.</summary>
    public const string Evidence = "umkmcredit-import";

    /// <inheritdoc />
    public async Task<ImportRowOutcome> RunAsync(ImportRowInput input, CancellationToken cancellationToken = default)
    {
        var table = await files.GetAsync(input.ImportId).ConfigureAwait(false);
        var record = await store.GetAsync(input.ImportId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Import {input.ImportId} is not recorded.");
        var row = table.Rows[input.Row - 1];
        var command = binder.Bind(Csv.ByColumn(table.Header, row)) with { IdempotencyKey = IdempotencyKey(record.FileSha256, row) };
        var (result, failure) = await submit.ExecuteAsync(command, new Caller(engine.Client, null, Evidence), cancellationToken).ConfigureAwait(false);
        if (failure is { Kind: FailureKind.Unavailable })
        {
            throw new InvalidOperationException($"Import {input.ImportId} row {input.Row}: storage or engine unavailable."); // retried by the orchestration
        }

        var outcome = failure is null
            ? new ImportRowOutcome(input.Row, result!.ApplicationId, null)
            : new ImportRowOutcome(input.Row, null, ErrorsOf(failure));
        await store.SaveRowAsync(input.ImportId, outcome, cancellationToken).ConfigureAwait(false);
        ImportLog.RowDone(logger, input.ImportId, input.Row, failure is null ? "accepted" : failure.Kind.ToString());
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

/// <summary>Records a row whose activity kept failing (storage or engine down through every retry), so the import still completes.</summary>
public sealed class RecordImportRowFailure(IImportStore store) : IWorkflowActivity<ImportRowInput, bool>
{
    /// <summary>The message of such a row.</summary>
    public const string Message = "Baris ini belum dapat diproses karena layanan sedang terganggu. Kirim baris ini lagi dalam berkas baru.";

    /// <inheritdoc />
    public async Task<bool> RunAsync(ImportRowInput input, CancellationToken cancellationToken = default)
    {
        await store.SaveRowAsync(input.ImportId, new ImportRowOutcome(input.Row, null, [new ValidationError("$", "row.unavailable", Message)]), cancellationToken).ConfigureAwait(false);
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
