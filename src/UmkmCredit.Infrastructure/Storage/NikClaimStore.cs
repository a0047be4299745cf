using Azure;
using Azure.Data.Tables;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>
/// <see cref="INikClaims"/> on Table storage: partition <c>nik</c>, row key = the keyed hash of the NIK. Taking a free
/// NIK is an insert (409 when another got there first); taking one over or releasing it is an update under the
/// row's ETag (412 when it changed), so two submissions can never both hold it.
/// </summary>
public sealed class TableNikClaims(StorageClients clients) : INikClaims
{
    private const string Partition = "nik";

    private TableClient Table => clients.Table(StorageNames.NikClaimsTable);

    /// <inheritdoc />
    public async Task<NikClaim?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }

        return new NikClaim(key, e.GetString("ApplicationId") ?? string.Empty, e.GetDateTimeOffset("ClaimedAtUtc")?.UtcDateTime ?? default,
            e.GetBoolean("Released") ?? false, e.ETag.ToString());
    }

    /// <inheritdoc />
    public async Task<bool> TryTakeAsync(string key, string applicationId, DateTime nowUtc, string? etag, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, key)
        {
            ["ApplicationId"] = applicationId,
            ["ClaimedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            ["Released"] = false,
        };
        try
        {
            if (etag is null)
            {
                await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, string applicationId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } claim
                || claim.Released || !string.Equals(claim.ApplicationId, applicationId, StringComparison.Ordinal))
            {
                return; // free already, or another application holds it now
            }

            try
            {
                await Table.UpdateEntityAsync(new TableEntity(Partition, key)
                {
                    ["ApplicationId"] = applicationId,
                    ["ClaimedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(claim.ClaimedAtUtc, DateTimeKind.Utc)),
                    ["Released"] = true,
                    ["ReleasedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
                }, new ETag(claim.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Changed under us: look again.
            }
        }
    }
}
