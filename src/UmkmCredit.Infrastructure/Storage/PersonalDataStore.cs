using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>Blob and table side of erasure and retention; every delete tolerates "already gone".</summary>
public sealed class StoragePersonalDataStore(StorageClients clients, IAgreementArchive archive) : IPersonalDataStore
{
    /// <inheritdoc />
    public async Task<ApplicationTombstone?> GetTombstoneAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Applications).GetBlobClient($"{applicationId}/application.json");
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(content.Value.Content.ToMemory());
            return doc.RootElement.TryGetProperty("tombstone", out var marker) && marker.ValueKind == JsonValueKind.True
                ? doc.RootElement.Deserialize<ApplicationTombstone>(StorageJson.Options)
                : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task ReplaceWithTombstoneAsync(ApplicationTombstone tombstone, CancellationToken cancellationToken = default)
    {
        var container = clients.Container(StorageNames.Applications);

        // The current blob goes last: while it still holds the application, a re-run knows there is work left.
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{tombstone.ApplicationId}/", cancellationToken).ConfigureAwait(false))
        {
            if (!item.Name.EndsWith("/application.json", StringComparison.Ordinal))
            {
                await container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        await container.GetBlobClient($"{tombstone.ApplicationId}/application.json").UploadAsync(
            BinaryData.FromObjectAsJson(tombstone, StorageJson.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> DeleteDocumentsAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var container = clients.Container(StorageNames.Documents);
        var deleted = 0;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{applicationId}/", cancellationToken).ConfigureAwait(false))
        {
            deleted += (await container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false)).Value ? 1 : 0;
        }

        return deleted;
    }

    /// <inheritdoc />
    public async Task DeleteAgreementFilesAsync(string applicationId, bool includingSigned, CancellationToken cancellationToken = default)
    {
        var signed = includingSigned ? await archive.FindSignedAsync(applicationId, cancellationToken).ConfigureAwait(false) : null;
        var container = clients.Container(StorageNames.Agreements);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{applicationId}/", cancellationToken).ConfigureAwait(false))
        {
            if (includingSigned || !item.Name.EndsWith("/signed.pdf", StringComparison.Ordinal))
            {
                await container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        if (includingSigned)
        {
            var table = clients.Table(StorageNames.VerificationTable);
            if (signed is not null)
            {
                await DeleteRowAsync(table, "sha", signed.Sha256, cancellationToken).ConfigureAwait(false);
            }

            await DeleteRowAsync(table, "id", applicationId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task StripIndexRowAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(TableApplicationIndex.Partition, applicationId)
        {
            ["ApplicantName"] = string.Empty,
            ["Amount"] = 0L,
        };
        try
        {
            await clients.Table(StorageNames.IndexTable).UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // no row: nothing to strip
        }
    }

    /// <inheritdoc />
    public Task DeleteIndexRowAsync(string applicationId, CancellationToken cancellationToken = default) =>
        DeleteRowAsync(clients.Table(StorageNames.IndexTable), TableApplicationIndex.Partition, applicationId, cancellationToken);

    /// <inheritdoc />
    public async Task ReplaceAuditAsync(string applicationId, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Audit).GetAppendBlobClient($"{applicationId}.jsonl");
        await blob.CreateAsync(new AppendBlobCreateOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
        }, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return;
        }

        var lines = string.Concat(entries.Select(e => JsonSerializer.Serialize(e, StorageJson.Options) + "\n"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines));
        await blob.AppendBlockAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task DeleteRowAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already gone
        }
    }
}
