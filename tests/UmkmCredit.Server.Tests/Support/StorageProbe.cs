using Azure.Data.Tables;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Support;

/// <summary>Counts what a request left in storage (blobs, index rows), to prove bad input changed nothing.</summary>
public static class StorageProbe
{
    /// <summary>Blob count per container plus index rows.</summary>
    public static async Task<(int Applications, int Documents, int Audit, int IndexRows)> CountAsync(ServerInstance server)
    {
        var clients = server.Get<StorageClients>();
        async Task<int> Blobs(string container)
        {
            var n = 0;
            await foreach (var _ in clients.Container(container).GetBlobsAsync())
            {
                n++;
            }

            return n;
        }

        var rows = 0;
        await foreach (var _ in clients.Table(StorageNames.IndexTable).QueryAsync<TableEntity>())
        {
            rows++;
        }

        return (await Blobs(StorageNames.Applications), await Blobs(StorageNames.Documents), await Blobs(StorageNames.Audit), rows);
    }
}
