using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>
/// Application references: one partition per regency and year (<c>ref-6571-2026</c>) in the numbers table, holding a
/// counter row, a row per application (<c>app-{id}</c> → sequence) and a row per sequence (<c>seq-000123</c> →
/// application id). A process reserves a block of <see cref="BlockSize"/> sequences at a time by moving the counter
/// under its ETag (so two processes never share a number, and the counter is touched once per block instead of once per
/// submission — 16 clients of one regency used to lose that race most of the time), then hands them out in memory:
/// each submission writes only its two rows, in one entity-group transaction. A retry of the same application finds its
/// <c>app-</c> row and gets the same reference. Numbers of a block a process never hands out (it stopped) and of a
/// retry that had already got one are gaps: references are unique and readable, not gap-free (agreement numbers are).
/// </summary>
public sealed class TableApplicationReferences(StorageClients clients) : IApplicationReferences
{
    /// <summary>Sequences reserved per counter move.</summary>
    public const int BlockSize = 20;

    private readonly ConcurrentDictionary<string, Block> _blocks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<string> AllocateAsync(string applicationId, string regencyCode, int year, CancellationToken cancellationToken = default)
    {
        var table = clients.Table(StorageNames.NumbersTable);
        var partition = Partition(regencyCode, year);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var next = await TakeAsync(table, partition, cancellationToken).ConfigureAwait(false);
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, new TableEntity(partition, "app-" + applicationId) { ["Sequence"] = next }),
                    new(TableTransactionActionType.Add, new TableEntity(partition, SequenceRow(next)) { ["ApplicationId"] = applicationId }),
                ], cancellationToken).ConfigureAwait(false);
                return ApplicationReference.Format(regencyCode, year, next);
            }
            catch (TableTransactionFailedException)
            {
                // The application has its number already (a retry): answer that one. Otherwise the sequence row was
                // taken (only by a writer that ignores the counter): try the next number.
                var mine = await table.GetEntityIfExistsAsync<TableEntity>(partition, "app-" + applicationId, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (mine.HasValue && mine.Value?.GetInt32("Sequence") is { } existing)
                {
                    return ApplicationReference.Format(regencyCode, year, existing);
                }
            }
        }

        throw new InvalidOperationException($"Could not allocate a reference for {applicationId}.");
    }

    /// <summary>The next sequence of this process's block for <paramref name="partition"/>, reserving a new block when it is used up.</summary>
    private async Task<int> TakeAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var block = _blocks.GetOrAdd(partition, _ => new Block());
        await block.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (block.Next > 0 && block.Next <= block.Last)
            {
                return block.Next++;
            }

            for (var attempt = 0; ; attempt++)
            {
                var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, "counter", cancellationToken: cancellationToken).ConfigureAwait(false);
                var last = counter.HasValue && counter.Value is not null ? counter.Value.GetInt32("Last") ?? 0 : 0;
                var entity = new TableEntity(partition, "counter") { ["Last"] = last + BlockSize };
                try
                {
                    if (counter.HasValue && counter.Value is not null)
                    {
                        await table.UpdateEntityAsync(entity, counter.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    }

                    block.Next = last + 2;
                    block.Last = last + BlockSize;
                    return last + 1;
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 50)
                {
                    // Another process moved the counter first: read again.
                    await Task.Delay(Random.Shared.Next(5, 40), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            block.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<string?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (!ApplicationReference.TryParse(reference, out var regency, out var year, out var sequence))
        {
            return null;
        }

        var found = await clients.Table(StorageNames.NumbersTable)
            .GetEntityIfExistsAsync<TableEntity>(Partition(regency, year), SequenceRow(sequence), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value?.GetString("ApplicationId") : null;
    }

    private static string Partition(string regencyCode, int year) => $"ref-{regencyCode}-{year}";

    private sealed class Block
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Next { get; set; }

        public int Last { get; set; }
    }

    private static string SequenceRow(int sequence) => "seq-" + sequence.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
}
