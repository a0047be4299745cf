using System.Globalization;
using Azure;
using Azure.Data.Tables;
using UmkmCredit.Domain.Webhooks;
using UmkmCredit.Workflow.Webhooks;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>
/// The <c>webhookdeliveries</c> table, one partition per application: a counter row (last sequence), a marker per
/// recorded event id, and a row per event and subscriber (<c>d-{sequence:D6}-{subscriberKey}</c>). An event is
/// recorded in one entity-group transaction guarded by the counter's ETag, with its marker added in the same
/// transaction: two writers get consecutive sequences, and the same event id is never recorded twice.
/// </summary>
public sealed class TableWebhookLog(StorageClients clients) : IWebhookLog
{
    private const string Counter = "counter";
    private const string DeliveryPrefix = "d-";

    private TableClient Table => clients.Table(StorageNames.WebhookTable);

    /// <inheritdoc />
    public async Task EnqueueAsync(WebhookEvent e, string body, IReadOnlyList<string> subscriberUrls, CancellationToken cancellationToken = default)
    {
        var partition = e.ApplicationId;
        var marker = "event-" + e.Id;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, marker, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (existing.HasValue && existing.Value is not null)
            {
                return; // recorded before (a replayed step or a retry)
            }

            var counter = await Table.GetEntityIfExistsAsync<TableEntity>(partition, Counter, cancellationToken: cancellationToken).ConfigureAwait(false);
            var hasCounter = counter.HasValue && counter.Value is not null;
            var next = (hasCounter ? counter.Value!.GetInt64("Last") ?? 0 : 0) + 1;
            var actions = new List<TableTransactionAction>
            {
                hasCounter
                    ? new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, Counter) { ["Last"] = next }, counter.Value!.ETag)
                    : new(TableTransactionActionType.Add, new TableEntity(partition, Counter) { ["Last"] = next }),
                new(TableTransactionActionType.Add, new TableEntity(partition, marker) { ["Sequence"] = next, ["Type"] = e.Type }),
            };
            foreach (var url in subscriberUrls)
            {
                var key = WebhookEventId.SubscriberKey(url);
                actions.Add(new(TableTransactionActionType.Add, ToEntity(new WebhookDelivery(
                    DeliveryId(partition, next, key), partition, key, next, e.Id, e.Type, url, body, 0, 0, WebhookDeliveryStatus.Pending, null, null, null))));
            }

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
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

        throw new InvalidOperationException($"Could not record webhook event {e.Id} of {e.ApplicationId}.");
    }

    /// <inheritdoc />
    public async Task<WebhookDelivery?> NextPendingAsync(string applicationId, string subscriberKey, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {applicationId} and RowKey ge {DeliveryPrefix} and RowKey lt {"d."} and SubscriberKey eq {subscriberKey} and Status eq {nameof(WebhookDeliveryStatus.Pending)}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return FromEntity(entity); // rows come in key order: the lowest sequence first
        }

        return null;
    }

    /// <inheritdoc />
    public async Task<WebhookDelivery?> GetAsync(string deliveryId, CancellationToken cancellationToken = default)
    {
        if (!TryParse(deliveryId, out var partition, out var row))
        {
            return null;
        }

        var found = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } e ? FromEntity(e) : null;
    }

    /// <inheritdoc />
    public async Task SaveAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        try
        {
            // An update, never an insert: an attempt that was in flight while the application was erased must not
            // bring its row (and the body) back.
            await Table.UpdateEntityAsync(ToEntity(delivery), ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // deleted meanwhile (erasure or retention): nothing to record
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {applicationId} and RowKey ge {DeliveryPrefix} and RowKey lt {"d."}");
        var all = new List<WebhookDelivery>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all.Add(FromEntity(entity));
        }

        return all;
    }

    /// <inheritdoc />
    public async Task<int> DeleteAllAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var rows = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {applicationId}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity.RowKey);
        }

        // One partition: entity-group transactions of at most 100 deletes each.
        foreach (var chunk in rows.Chunk(100))
        {
            var actions = chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(applicationId, row), ETag.All)).ToList();
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException)
            {
                // a row went meanwhile (a second erasure running): delete the rest one by one
                foreach (var row in chunk)
                {
                    await Table.DeleteEntityAsync(applicationId, row, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return rows.Count;
    }

    /// <summary><c>{applicationId}-{sequence:D6}-{subscriberKey}</c>.</summary>
    public static string DeliveryId(string applicationId, long sequence, string subscriberKey) =>
        $"{applicationId}-{sequence.ToString("D6", CultureInfo.InvariantCulture)}-{subscriberKey}";

    private static bool TryParse(string deliveryId, out string partition, out string row)
    {
        partition = row = string.Empty;
        var parts = deliveryId.Split('-');
        if (parts.Length != 3 || parts[0].Length is 0 or > 64 || parts[1].Length != 6 || parts[2].Length != 12
            || !parts.All(p => p.All(char.IsAsciiLetterOrDigit)))
        {
            return false;
        }

        partition = parts[0];
        row = $"{DeliveryPrefix}{parts[1]}-{parts[2]}";
        return true;
    }

    private static TableEntity ToEntity(WebhookDelivery d) => new(d.ApplicationId, $"{DeliveryPrefix}{d.Sequence.ToString("D6", CultureInfo.InvariantCulture)}-{d.SubscriberKey}")
    {
        ["SubscriberKey"] = d.SubscriberKey,
        ["Sequence"] = d.Sequence,
        ["EventId"] = d.EventId,
        ["Type"] = d.Type,
        ["Url"] = d.Url,
        ["Body"] = d.Body,
        ["Attempts"] = d.Attempts,
        ["RoundAttempts"] = d.RoundAttempts,
        ["Status"] = d.Status.ToString(),
        ["FirstAttemptUtc"] = d.FirstAttemptUtc is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null,
        ["LastAttemptUtc"] = d.LastAttemptUtc is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Utc)) : null,
        ["LastResult"] = d.LastResult,
    };

    private static WebhookDelivery FromEntity(TableEntity e)
    {
        var sequence = e.GetInt64("Sequence") ?? 0;
        var key = e.GetString("SubscriberKey") ?? string.Empty;
        return new WebhookDelivery(
            DeliveryId(e.PartitionKey, sequence, key),
            e.PartitionKey,
            key,
            sequence,
            e.GetString("EventId") ?? string.Empty,
            e.GetString("Type") ?? string.Empty,
            e.GetString("Url") ?? string.Empty,
            e.GetString("Body") ?? string.Empty,
            e.GetInt32("Attempts") ?? 0,
            e.GetInt32("RoundAttempts") ?? 0,
            Enum.TryParse<WebhookDeliveryStatus>(e.GetString("Status"), out var status) ? status : WebhookDeliveryStatus.Pending,
            e.GetDateTimeOffset("FirstAttemptUtc")?.UtcDateTime,
            e.GetDateTimeOffset("LastAttemptUtc")?.UtcDateTime,
            e.GetString("LastResult"));
    }
}
