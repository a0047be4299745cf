using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Workflow.Imports;

/// <summary>Whether an import still runs.</summary>
public enum ImportStatus
{
    /// <summary>Rows are being submitted.</summary>
    Running,

    /// <summary>Every row has its outcome.</summary>
    Completed,
}

/// <summary>An import as stored: id (from the file's hash), the file's SHA-256, its row count, status and times.</summary>
public sealed record ImportRecord(string ImportId, string FileSha256, int Total, ImportStatus Status, DateTime CreatedAtUtc, DateTime? CompletedAtUtc);

/// <summary>The outcome of one row: the application it became, or its errors (Indonesian messages at JSON paths).</summary>
public sealed record ImportRowOutcome(int Row, string? ApplicationId, IReadOnlyList<ValidationError>? Errors);

/// <summary>Input of the import orchestration: which import, how many rows, where this generation starts.</summary>
/// <param name="ImportId">The import.</param>
/// <param name="Total">Rows in the file.</param>
/// <param name="NextRow">First row of this generation (1-based); the orchestration continues as new every few batches.</param>
public sealed record ImportWorkflowInput(string ImportId, int Total, int NextRow = 1);

/// <summary>Input of <see cref="ImportRows"/> and <see cref="RecordImportRowFailure"/>: a run of rows (only names and numbers travel; the rows are read from the stored file).</summary>
/// <param name="ImportId">The import.</param>
/// <param name="FirstRow">First row (1-based).</param>
/// <param name="Count">Rows in the run.</param>
public sealed record ImportRowsInput(string ImportId, int FirstRow, int Count);

/// <summary>Blob and table storage of imports: the file as sent, the import's record and one result row per CSV row.</summary>
public interface IImportStore
{
    /// <summary>Stores the file once (a second store of the same import keeps the first).</summary>
    Task SaveFileAsync(string importId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The stored file.</summary>
    Task<byte[]?> GetFileAsync(string importId, CancellationToken cancellationToken = default);

    /// <summary>Creates the record unless it exists; returns the stored one.</summary>
    Task<ImportRecord> CreateAsync(ImportRecord record, CancellationToken cancellationToken = default);

    /// <summary>The record, or null.</summary>
    Task<ImportRecord?> GetAsync(string importId, CancellationToken cancellationToken = default);

    /// <summary>Marks the import completed.</summary>
    Task CompleteAsync(string importId, DateTime completedAtUtc, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) one row's outcome.</summary>
    Task SaveRowAsync(string importId, ImportRowOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Every stored row outcome, by row number.</summary>
    Task<IReadOnlyList<ImportRowOutcome>> ListRowsAsync(string importId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Turns a CSV row (fields named by the JSON paths of the portal form) into the submit command, exactly as the portal
/// binds its form — implemented by the HTTP layer, which owns that binding, so a row and a portal post are the same input.
/// </summary>
public interface IImportRowBinder
{
    /// <summary>Columns a file may have (the portal form's field names).</summary>
    IReadOnlySet<string> Columns { get; }

    /// <summary>The command for a row, without idempotency key (the import adds its own).</summary>
    SubmitApplicationCommand Bind(IReadOnlyDictionary<string, string> fields);
}

