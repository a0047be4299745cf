using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>The storage account's clients, created once.</summary>
public sealed class StorageClients : UmkmCredit.Workflow.Ports.IStorageHealth
{
    private readonly string _prefix;

    /// <summary>Creates the clients from <see cref="StorageOptions"/>.</summary>
    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        if (string.Equals(o.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase) && o.BlobServiceUri is not null && o.TableServiceUri is not null)
        {
            // Azure with shared keys disabled: the user-assigned identity, through Entra ID.
            var credential = new Azure.Identity.ManagedIdentityCredential(
                string.IsNullOrEmpty(o.ClientId) ? Azure.Identity.ManagedIdentityId.SystemAssigned : Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(o.ClientId));
            Blobs = new BlobServiceClient(o.BlobServiceUri, credential);
            Tables = new TableServiceClient(o.TableServiceUri, credential);
        }
        else
        {
            Blobs = new BlobServiceClient(o.ConnectionString);
            Tables = new TableServiceClient(o.ConnectionString);
        }

        _prefix = o.TablePrefix;
    }

    /// <summary>Blob service.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>Table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>A container client.</summary>
    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>A table client (with the configured prefix).</summary>
    public TableClient Table(string name) => Tables.GetTableClient(_prefix + name);

    /// <summary>Creates every container and table if missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in StorageNames.Containers)
        {
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in StorageNames.Tables)
        {
            await Table(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when blob and table storage answer.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Container(StorageNames.Applications).ExistsAsync(cancellationToken).ConfigureAwait(false);
            await Table(StorageNames.IndexTable).QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: cancellationToken)
                .AsPages().GetAsyncEnumerator(cancellationToken).MoveNextAsync().ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            return false;
        }
    }
}
