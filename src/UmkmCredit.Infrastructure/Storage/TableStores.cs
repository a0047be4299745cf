using Azure;
using Azure.Data.Tables;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>The <c>applicationindex</c> table: one partition, row key = application id.</summary>
public sealed class TableApplicationIndex(StorageClients clients) : IApplicationIndex
{
    internal const string Partition = "app";

    private TableClient Table => clients.Table(StorageNames.IndexTable);

    /// <inheritdoc />
    public async Task UpsertAsync(IndexEntry entry, CancellationToken cancellationToken = default)
    {
        if (entry is { Sequence: 0, Status: ApplicationStatus.Submitted })
        {
            // An application's first row (intake): almost always new, so insert without reading first; when it exists
            // already (a retry, the recovery sweep) fall through to the read-compare-update below.
            try
            {
                await Table.AddEntityAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, entry.ApplicationId, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    await Table.AddEntityAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
                    return;
                }

                var current = existing.Value;
                var currentSequence = current.GetInt32("Sequence") ?? 0;
                if (currentSequence > entry.Sequence
                    || (currentSequence == entry.Sequence && current.GetString("Status") == entry.Status.ToString()))
                {
                    return; // never move backwards; an identical write is a no-op
                }

                var updated = ToEntity(entry with { ReminderSentFor = current.GetString("ReminderSentFor") });
                await Table.UpdateEntityAsync(updated, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // someone else wrote in between: read again
                await Task.Delay(Random.Shared.Next(10, 50 * (attempt + 1)), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Index row {entry.ApplicationId} kept changing; giving up.");
    }

    /// <inheritdoc />
    public async Task SetDeadlineAsync(string applicationId, DateTime deadlineUtc, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, applicationId)
        {
            ["DeadlineUtc"] = new DateTimeOffset(DateTime.SpecifyKind(deadlineUtc, DateTimeKind.Utc)),
        };
        try
        {
            await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // no row yet: the next status change writes the whole row
        }
    }

    /// <inheritdoc />
    public async Task<IndexEntry?> GetAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, applicationId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return existing.HasValue && existing.Value is not null ? FromEntity(existing.Value) : null;
    }

    /// <inheritdoc />
    public async Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {Partition}") };
        if (query.Status is { } status)
        {
            filters.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }

        if (!string.IsNullOrEmpty(query.RegencyCode))
        {
            filters.Add(TableClient.CreateQueryFilter($"RegencyCode eq {query.RegencyCode}"));
        }

        if (query.OverdueOnly)
        {
            filters.Add(TableClient.CreateQueryFilter($"DeadlineUtc lt {new DateTimeOffset(DateTime.SpecifyKind(query.NowUtc, DateTimeKind.Utc))}"));
        }

        var pages = Table.QueryAsync<TableEntity>(string.Join(" and ", filters), query.PageSize, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, query.PageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            return new IndexPage(page.Values.Select(FromEntity).ToList(), page.ContinuationToken);
        }

        return new IndexPage([], null);
    }

    internal static TableEntity ToEntity(IndexEntry e) => new(Partition, e.ApplicationId)
    {
        ["Status"] = e.Status.ToString(),
        ["RegencyCode"] = e.RegencyCode,
        ["ApplicantName"] = e.ApplicantName,
        ["Amount"] = e.Amount,
        ["SubmittedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(e.SubmittedAtUtc, DateTimeKind.Utc)),
        ["UpdatedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(e.UpdatedAtUtc, DateTimeKind.Utc)),
        ["DeadlineUtc"] = e.DeadlineUtc is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null,
        ["Sequence"] = e.Sequence,
        ["ReminderSentFor"] = e.ReminderSentFor,
    };

    internal static IndexEntry FromEntity(TableEntity t) => new(
        t.RowKey,
        Enum.Parse<ApplicationStatus>(t.GetString("Status")),
        t.GetString("RegencyCode") ?? string.Empty,
        t.GetString("ApplicantName") ?? string.Empty,
        t.GetInt64("Amount") ?? 0,
        t.GetDateTimeOffset("SubmittedAtUtc")?.UtcDateTime ?? default,
        t.GetDateTimeOffset("UpdatedAtUtc")?.UtcDateTime ?? default,
        t.GetDateTimeOffset("DeadlineUtc")?.UtcDateTime,
        t.GetInt32("Sequence") ?? 0,
        t.GetString("ReminderSentFor"));
}

/// <summary>The <c>actionlinks</c> table: partition = application id, row = link id; ETag-guarded transitions.</summary>
public sealed class TableLinkStore(StorageClients clients) : ILinkStore
{
    private TableClient Table => clients.Table(StorageNames.LinksTable);

    /// <inheritdoc />
    public async Task CreateAsync(ActionLink link, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(link), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // already created by an earlier attempt of the same activity
        }
    }

    /// <inheritdoc />
    public async Task<(ActionLink Link, string ETag)?> GetAsync(string applicationId, string linkId, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, linkId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is not null ? (FromEntity(found.Value), found.Value.ETag.ToString()) : null;
    }

    /// <inheritdoc />
    public async Task<bool> TryCompleteAsync(string applicationId, string linkId, LinkStatus to, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, linkId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is null || found.Value.GetString("Status") != nameof(LinkStatus.Pending))
        {
            return false;
        }

        var entity = found.Value;
        entity["Status"] = to.ToString();
        entity["UsedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc));
        try
        {
            await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false; // another request or the escalation won the race
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryUseAsync(string applicationId, string linkId, string outcome, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(applicationId, linkId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is null || found.Value.GetString("Status") != nameof(LinkStatus.Pending))
        {
            return false;
        }

        var entity = found.Value;
        entity["Status"] = nameof(LinkStatus.Used);
        entity["UsedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc));
        entity["Outcome"] = outcome;
        entity["Delivered"] = false;
        try
        {
            await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false; // another request or the escalation won the race
        }
    }

    /// <inheritdoc />
    public async Task MarkDeliveredAsync(string applicationId, string linkId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.UpdateEntityAsync(new TableEntity(applicationId, linkId) { ["Delivered"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // removed with its application
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActionLink>> ListUndeliveredAsync(DateTime usedBeforeUtc, CancellationToken cancellationToken = default)
    {
        var list = new List<ActionLink>();
        var before = new DateTimeOffset(DateTime.SpecifyKind(usedBeforeUtc, DateTimeKind.Utc));
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Delivered eq {false} and UsedAtUtc lt {before}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(FromEntity(e));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActionLink>> ListAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var list = new List<ActionLink>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {applicationId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(FromEntity(e));
        }

        return list;
    }

    private static TableEntity ToEntity(ActionLink l) => new(l.ApplicationId, l.LinkId)
    {
        ["Role"] = l.Role,
        ["ActorId"] = l.ActorId,
        ["ActorName"] = l.ActorName,
        ["ActorEmail"] = l.ActorEmail,
        ["ExpiresAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(l.ExpiresAtUtc, DateTimeKind.Utc)),
        ["Status"] = l.Status.ToString(),
        ["CreatedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(l.CreatedAtUtc, DateTimeKind.Utc)),
    };

    private static ActionLink FromEntity(TableEntity t) => new(
        t.PartitionKey, t.RowKey,
        t.GetString("Role") ?? string.Empty,
        t.GetString("ActorId") ?? string.Empty,
        t.GetString("ActorName") ?? string.Empty,
        t.GetString("ActorEmail") ?? string.Empty,
        t.GetDateTimeOffset("ExpiresAtUtc")?.UtcDateTime ?? default,
        Enum.Parse<LinkStatus>(t.GetString("Status") ?? nameof(LinkStatus.Pending)),
        t.GetDateTimeOffset("CreatedAtUtc")?.UtcDateTime ?? default,
        t.GetDateTimeOffset("UsedAtUtc")?.UtcDateTime,
        t.GetString("Outcome"),
        t.GetBoolean("Delivered") ?? true);
}

/// <summary>The <c>idempotency</c> table: row key = SHA-256 of the key; insert wins, everyone else reads.</summary>
public sealed class TableIdempotencyStore(StorageClients clients) : IIdempotencyStore
{
    private TableClient Table => clients.Table(StorageNames.IdempotencyTable);

    /// <inheritdoc />
    public async Task<(bool Reserved, IdempotencyRecord Record)> ReserveAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default)
    {
        var rowKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(candidate.Key)));
        try
        {
            await Table.AddEntityAsync(new TableEntity("key", rowKey)
            {
                ["BodyHash"] = candidate.BodyHash,
                ["ApplicationId"] = candidate.ApplicationId,
                ["CreatedAtUtc"] = new DateTimeOffset(DateTime.SpecifyKind(candidate.CreatedAtUtc, DateTimeKind.Utc)),
            }, cancellationToken).ConfigureAwait(false);
            return (true, candidate);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await Table.GetEntityAsync<TableEntity>("key", rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (false, new IdempotencyRecord(candidate.Key, existing.Value.GetString("BodyHash") ?? string.Empty,
                existing.Value.GetString("ApplicationId") ?? string.Empty,
                existing.Value.GetDateTimeOffset("CreatedAtUtc")?.UtcDateTime ?? default));
        }
    }
}

/// <summary>Claims reminders on the index row with its ETag, so two sweeps never send the same reminder.</summary>
public sealed class TableReminderLedger(StorageClients clients) : UmkmCredit.Workflow.Reminders.IReminderLedger
{
    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string applicationId, string reminderKey, CancellationToken cancellationToken = default)
    {
        var table = clients.Table(StorageNames.IndexTable);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableApplicationIndex.Partition, applicationId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is null)
        {
            return false;
        }

        // The keys of the reminders sent for the current actions (several in parallel signing), newest last.
        var sent = (found.Value.GetString("ReminderSentFor") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (sent.Contains(reminderKey, StringComparer.Ordinal))
        {
            return false;
        }

        sent.Add(reminderKey);
        var entity = found.Value;
        entity["ReminderSentFor"] = string.Join('\n', sent.TakeLast(20));
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false; // another sweep (or a status change) got there first
        }
    }
}
