using Azure;
using Azure.Data.Tables;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>
/// Application references, allocated as agreement numbers are (<see cref="TableAgreementNumbers"/>): one partition
/// per regency and year (<c>ref-6571-2026</c>) in the numbers table, holding a counter row, a row per application
/// (<c>app-{id}</c> → sequence) and a row per sequence (<c>seq-000123</c> → application id), all three written in one
/// entity-group transaction guarded by the counter's ETag — so the sequence has no gaps and a retry gets the same one.
/// </summary>
public sealed class TableApplicationReferences(StorageClients clients) : IApplicationReferences
{
    /// <inheritdoc />
    public async Task<string> AllocateAsync(string applicationId, string regencyCode, int year, CancellationToken cancellationToken = default)
    {
        var table = clients.Table(StorageNames.NumbersTable);
        var partition = Partition(regencyCode, year);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var mine = await table.GetEntityIfExistsAsync<TableEntity>(partition, "app-" + applicationId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (mine.HasValue && mine.Value?.GetInt32("Sequence") is { } existing)
            {
                return ApplicationReference.Format(regencyCode, year, existing);
            }

            var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, "counter", cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = (counter.HasValue && counter.Value is not null ? counter.Value.GetInt32("Last") ?? 0 : 0) + 1;
            var actions = new List<TableTransactionAction>
            {
                counter.HasValue && counter.Value is not null
                    ? new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, "counter") { ["Last"] = next }, counter.Value.ETag)
                    : new(TableTransactionActionType.Add, new TableEntity(partition, "counter") { ["Last"] = next }),
                new(TableTransactionActionType.Add, new TableEntity(partition, "app-" + applicationId) { ["Sequence"] = next }),
                new(TableTransactionActionType.Add, new TableEntity(partition, SequenceRow(next)) { ["ApplicationId"] = applicationId }),
            };
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return ApplicationReference.Format(regencyCode, year, next);
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

        throw new InvalidOperationException($"Could not allocate a reference for {applicationId}.");
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

    private static string SequenceRow(int sequence) => "seq-" + sequence.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
}
