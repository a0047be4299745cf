using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>JSON as stored in blobs: camelCase, enums as strings.</summary>
public static class StorageJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };
}

/// <summary><c>applications/{id}/application.json</c> (current) and <c>v{n}.json</c> (every version).</summary>
public sealed class BlobApplicationRepository(StorageClients clients) : IApplicationRepository
{
    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(StoredApplication application, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Applications).GetBlobClient($"{application.ApplicationId}/application.json");
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(application, StorageJson.Options), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task SaveRevisionAsync(StoredApplication application, CancellationToken cancellationToken = default)
    {
        var container = clients.Container(StorageNames.Applications);
        var data = BinaryData.FromObjectAsJson(application, StorageJson.Options);
        var headers = new BlobHttpHeaders { ContentType = "application/json" };
        await container.GetBlobClient($"{application.ApplicationId}/v{application.Version}.json")
            .UploadAsync(data, new BlobUploadOptions { HttpHeaders = headers }, cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient($"{application.ApplicationId}/application.json")
            .UploadAsync(data, new BlobUploadOptions { HttpHeaders = headers }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredApplication?> GetAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Applications).GetBlobClient($"{applicationId}/application.json");
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var stored = content.Value.Content.ToObjectFromJson<StoredApplication>(StorageJson.Options);

            // An erased application's blob is a tombstone without the application: to every reader it is gone.
            return stored?.Application is null ? null : stored;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary><c>documents/{id}/{kind}</c>, content type preserved, metadata <c>sha256</c>.</summary>
public sealed class BlobDocumentRepository(StorageClients clients) : IDocumentRepository
{
    /// <inheritdoc />
    public async Task<StoredDocument> PutAsync(string applicationId, string kind, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var blob = clients.Container(StorageNames.Documents).GetBlobClient($"{applicationId}/{kind}");
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { ["sha256"] = sha },
        }, cancellationToken).ConfigureAwait(false);
        return new StoredDocument(kind, contentType, content.Length, sha);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var list = new List<StoredDocument>();
        var container = clients.Container(StorageNames.Documents);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, $"{applicationId}/", cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredDocument(
                item.Name[(applicationId.Length + 1)..],
                item.Properties.ContentType ?? "application/octet-stream",
                item.Properties.ContentLength ?? 0,
                item.Metadata.TryGetValue("sha256", out var sha) ? sha : string.Empty));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<(StoredDocument Info, byte[] Content)?> GetAsync(string applicationId, string kind, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Documents).GetBlobClient($"{applicationId}/{kind}");
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var details = result.Value.Details;
            var bytes = result.Value.Content.ToArray();
            return (new StoredDocument(kind, details.ContentType ?? "application/octet-stream", bytes.Length,
                details.Metadata.TryGetValue("sha256", out var sha) ? sha : string.Empty), bytes);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary><c>audit/{id}.jsonl</c>: an append blob, one JSON event per line, never rewritten.</summary>
public sealed class BlobAuditTrail(StorageClients clients) : IAuditTrail
{
    /// <inheritdoc />
    public async Task AppendAsync(string applicationId, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Audit).GetAppendBlobClient($"{applicationId}.jsonl");
        await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
        }, cancellationToken).ConfigureAwait(false);
        var line = JsonSerializer.Serialize(entry, StorageJson.Options) + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(line));
        await blob.AppendBlockAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Audit).GetAppendBlobClient($"{applicationId}.jsonl");
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString()
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<AuditEntry>(line, StorageJson.Options)!)
                .ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }
}
