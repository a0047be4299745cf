using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Imports;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>
/// Imports in storage: the file as a blob (<c>imports/{importId}.csv</c>, written once), and one table partition per
/// import holding the record (<c>RowKey = "import"</c>) and a row per CSV row (<c>RowKey = "row-000001"</c>), so the
/// status is one partition query.
/// </summary>
public sealed class ImportStore(StorageClients clients) : IImportStore
{
    private const string RecordKey = "import";

    private TableClient Table => clients.Table(StorageNames.ImportsTable);

    /// <inheritdoc />
    public async Task SaveFileAsync(string importId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Imports).GetBlobClient(importId + ".csv");
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // stored before: same id, same content (the id is the content's hash)
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetFileAsync(string importId, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await clients.Container(StorageNames.Imports).GetBlobClient(importId + ".csv").DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<ImportRecord> CreateAsync(ImportRecord record, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(record.ImportId, RecordKey)
            {
                ["FileSha256"] = record.FileSha256,
                ["Total"] = record.Total,
                ["Status"] = record.Status.ToString(),
                ["CreatedAtUtc"] = Utc(record.CreatedAtUtc),
            }, cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(record.ImportId, cancellationToken).ConfigureAwait(false) ?? record;
        }
    }

    /// <inheritdoc />
    public async Task<ImportRecord?> GetAsync(string importId, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(importId, RecordKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }

        return new ImportRecord(importId, e.GetString("FileSha256") ?? string.Empty, e.GetInt32("Total") ?? 0,
            Enum.TryParse<ImportStatus>(e.GetString("Status"), out var status) ? status : ImportStatus.Running,
            e.GetDateTimeOffset("CreatedAtUtc")?.UtcDateTime ?? default, e.GetDateTimeOffset("CompletedAtUtc")?.UtcDateTime);
    }

    /// <inheritdoc />
    public Task CompleteAsync(string importId, DateTime completedAtUtc, CancellationToken cancellationToken = default) =>
        Table.UpdateEntityAsync(new TableEntity(importId, RecordKey)
        {
            ["Status"] = nameof(ImportStatus.Completed),
            ["CompletedAtUtc"] = Utc(completedAtUtc),
        }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <inheritdoc />
    public Task SaveRowAsync(string importId, ImportRowOutcome outcome, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(new TableEntity(importId, RowKey(outcome.Row))
        {
            ["Row"] = outcome.Row,
            ["ApplicationId"] = outcome.ApplicationId,
            ["Errors"] = outcome.Errors is { Count: > 0 } errors ? JsonSerializer.Serialize(errors) : null,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImportRowOutcome>> ListRowsAsync(string importId, CancellationToken cancellationToken = default)
    {
        var rows = new List<ImportRowOutcome>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {importId} and RowKey ge {"row-"} and RowKey lt {"row."}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var errors = e.GetString("Errors") is { Length: > 0 } json ? JsonSerializer.Deserialize<List<ValidationError>>(json) : null;
            rows.Add(new ImportRowOutcome(e.GetInt32("Row") ?? 0, e.GetString("ApplicationId"), errors));
        }

        return rows.OrderBy(r => r.Row).ToList();
    }

    private static string RowKey(int row) => "row-" + row.ToString("000000", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
