using Azure.Storage.Queues;

namespace UmkmCredit.Server.Engine;

/// <summary>
/// The partition count a task hub was created with, read from its control queues (<c>{hub}-control-NN</c>, one per
/// partition). The Azure Storage provider fixes it at creation and would otherwise add queues for a larger count
/// (orphaned instances) or ignore some for a smaller one, so a different configured count stops the start.
/// </summary>
public static class TaskHubPartitions
{
    /// <summary>How many partitions the hub has (0: the hub does not exist yet).</summary>
    public static async Task<int> CountAsync(QueueServiceClient queues, string taskHub, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var prefix = taskHub.ToLowerInvariant() + "-control-";
        var count = 0;
        await foreach (var _ in queues.GetQueuesAsync(prefix: prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>Throws when the hub exists with another partition count than <paramref name="configured"/>.</summary>
    public static async Task EnsureAsync(QueueServiceClient queues, string taskHub, int configured, CancellationToken cancellationToken = default)
    {
        var existing = await CountAsync(queues, taskHub, cancellationToken).ConfigureAwait(false);
        if (existing != 0 && existing != configured)
        {
            throw new InvalidOperationException(
                $"Durable:PartitionCount is {configured}, but task hub '{taskHub}' was created with {existing} partitions. "
                + $"A hub's partition count is fixed when it is created: set Durable:PartitionCount={existing}, or use a new Durable:TaskHub.");
        }
    }
}
