using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using UmkmCredit.Workflow.Agreements;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary><c>agreements/{id}/draft.pdf|signed.pdf|agreement.json</c> and the verification table.</summary>
public sealed class BlobAgreementArchive(StorageClients clients) : IAgreementArchive
{
    /// <inheritdoc />
    public async Task SaveModelAsync(string applicationId, string modelJson, CancellationToken cancellationToken = default)
    {
        var blob = clients.Container(StorageNames.Agreements).GetBlobClient($"{applicationId}/agreement.json");
        try
        {
            await blob.UploadAsync(BinaryData.FromString(modelJson), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, // the first model wins; it fixes number and date
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // already stored by an earlier attempt
        }
    }

    /// <inheritdoc />
    public async Task<string?> GetModelAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await clients.Container(StorageNames.Agreements).GetBlobClient($"{applicationId}/agreement.json")
                .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string> SavePdfAsync(string applicationId, string name, byte[] pdf, CancellationToken cancellationToken = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var blob = clients.Container(StorageNames.Agreements).GetBlobClient($"{applicationId}/{name}.pdf");
        try
        {
            await blob.UploadAsync(new BinaryData(pdf), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                Metadata = new Dictionary<string, string> { ["sha256"] = sha },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, // never rewritten (WORM in Azure)
            }, cancellationToken).ConfigureAwait(false);
            return sha;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return await GetPdfHashAsync(applicationId, name, cancellationToken).ConfigureAwait(false) ?? sha;
        }
    }

    /// <inheritdoc />
    public async Task<(byte[] Pdf, string Sha256)?> GetPdfAsync(string applicationId, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await clients.Container(StorageNames.Agreements).GetBlobClient($"{applicationId}/{name}.pdf")
                .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (result.Value.Content.ToArray(), result.Value.Details.Metadata.TryGetValue("sha256", out var sha) ? sha : string.Empty);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string?> GetPdfHashAsync(string applicationId, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var props = await clients.Container(StorageNames.Agreements).GetBlobClient($"{applicationId}/{name}.pdf")
                .GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return props.Value.Metadata.TryGetValue("sha256", out var sha) ? sha : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task RecordSignedAsync(SignedAgreementInfo info, CancellationToken cancellationToken = default)
    {
        var table = clients.Table(StorageNames.VerificationTable);
        var json = JsonSerializer.Serialize(info, StorageJson.Options);
        await table.UpsertEntityAsync(new TableEntity("id", info.ApplicationId) { ["Info"] = json }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity("sha", info.Sha256) { ["Info"] = json }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<SignedAgreementInfo?> FindSignedAsync(string applicationId, CancellationToken cancellationToken = default) =>
        FindAsync("id", applicationId, cancellationToken);

    /// <inheritdoc />
    public Task<SignedAgreementInfo?> FindBySha256Async(string sha256, CancellationToken cancellationToken = default) =>
        FindAsync("sha", sha256.ToLowerInvariant(), cancellationToken);

    private async Task<SignedAgreementInfo?> FindAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var found = await clients.Table(StorageNames.VerificationTable).GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value?.GetString("Info") is { } json ? JsonSerializer.Deserialize<SignedAgreementInfo>(json, StorageJson.Options) : null;
    }
}

/// <summary>
/// Gap-free numbers: one partition per regency and year holding a counter row and one row per application,
/// written together in one entity-group transaction guarded by the counter's ETag.
/// </summary>
public sealed class TableAgreementNumbers(StorageClients clients) : IAgreementNumbers
{
    /// <inheritdoc />
    public async Task<int> AllocateAsync(string applicationId, string regencyCode, int year, CancellationToken cancellationToken = default)
    {
        var table = clients.Table(StorageNames.NumbersTable);
        var partition = $"{regencyCode}-{year}";
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var mine = await table.GetEntityIfExistsAsync<TableEntity>(partition, "app-" + applicationId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (mine.HasValue && mine.Value is not null)
            {
                return mine.Value.GetInt32("Sequence") ?? 0;
            }

            var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, "counter", cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = (counter.HasValue && counter.Value is not null ? counter.Value.GetInt32("Last") ?? 0 : 0) + 1;
            var actions = new List<TableTransactionAction>
            {
                counter.HasValue && counter.Value is not null
                    ? new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, "counter") { ["Last"] = next }, counter.Value.ETag)
                    : new(TableTransactionActionType.Add, new TableEntity(partition, "counter") { ["Last"] = next }),
                new(TableTransactionActionType.Add, new TableEntity(partition, "app-" + applicationId) { ["Sequence"] = next }),
            };
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (TableTransactionFailedException)
            {
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken).ConfigureAwait(false); // lost the race: read again
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Could not allocate an agreement number for {applicationId}.");
    }
}

/// <summary>The <c>signingotps</c> table: partition = application id, row = link id.</summary>
public sealed class TableOtpStore(StorageClients clients) : IOtpStore
{
    private TableClient Table => clients.Table(StorageNames.OtpTable);

    /// <inheritdoc />
    public async Task IssueAsync(string applicationId, string linkId, string codeHash, DateTime expiresAtUtc, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(applicationId, linkId)
        {
            ["CodeHash"] = codeHash,
            ["ExpiresAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(expiresAtUtc, DateTimeKind.Utc)),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false); // Merge keeps Failures
    }

    /// <inheritdoc />
    public async Task<OtpState?> GetAsync(string applicationId, string linkId, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, linkId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } e
            ? new OtpState(e.GetString("CodeHash") ?? string.Empty, e.GetDateTimeOffset("ExpiresAtUtc")?.UtcDateTime ?? default, e.GetInt32("Failures") ?? 0)
            : null;
    }

    /// <inheritdoc />
    public async Task<int?> TryCountAttemptAsync(string applicationId, string linkId, int maxAttempts, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, linkId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var exists = found.HasValue && found.Value is not null;
            var entity = exists ? found.Value! : new TableEntity(applicationId, linkId);
            var failures = entity.GetInt32("Failures") ?? 0;
            if (failures >= maxAttempts)
            {
                return null;
            }

            entity["Failures"] = failures + 1;
            try
            {
                if (exists)
                {
                    await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return failures + 1;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // a concurrent guess counted first: read again
                await Task.Delay(Random.Shared.Next(1, 20), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException("Could not count the code attempt.");
    }
}
