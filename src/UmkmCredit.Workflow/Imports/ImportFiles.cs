using System.Collections.Concurrent;
using UmkmCredit.Domain.Imports;

namespace UmkmCredit.Workflow.Imports;

/// <summary>
/// The parsed files of running imports, read once per process from blob storage and kept for the few imports
/// that run at a time, so a row activity reads its row without downloading the whole file again.
/// </summary>
public sealed class ImportFiles(IImportStore store)
{
    /// <summary>Most rows a file may have.</summary>
    public const int MaxRows = 5000;

    /// <summary>Largest file accepted (bytes).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private const int Kept = 4;
    private readonly ConcurrentDictionary<string, Lazy<Task<CsvTable>>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The parsed file of an import.</summary>
    public Task<CsvTable> GetAsync(string importId)
    {
        var lazy = _files.GetOrAdd(importId, id =>
        {
            _order.Enqueue(id);
            return new Lazy<Task<CsvTable>>(() => LoadAsync(id, CancellationToken.None));
        });
        while (_order.Count > Kept && _order.TryDequeue(out var old))
        {
            _files.TryRemove(old, out _);
        }

        return GetOrForgetAsync(importId, lazy);
    }

    private async Task<CsvTable> GetOrForgetAsync(string importId, Lazy<Task<CsvTable>> lazy)
    {
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _files.TryRemove(importId, out _); // a failed read is not kept: the activity's retry reads again
            throw;
        }
    }

    private async Task<CsvTable> LoadAsync(string importId, CancellationToken cancellationToken)
    {
        var content = await store.GetFileAsync(importId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Import {importId} has no stored file.");
        return Csv.TryRead(content, MaxRows, out var error, out _)
            ?? throw new InvalidOperationException($"Import {importId}: the stored file does not parse ({error}).");
    }
}
