using System.ComponentModel.DataAnnotations;

namespace UmkmCredit.Server.Engine;

/// <summary>Which orchestration service the embedded sidecar serves.</summary>
public enum DurableBackend
{
    /// <summary>Azure Storage provider (Azurite locally); state survives a process kill.</summary>
    AzureStorage,

    /// <summary>In-memory; for fast unit-level tests only.</summary>
    InMemory,
}

/// <summary><c>Durable:*</c>.</summary>
public sealed class EngineOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Durable";

    /// <summary>Backend.</summary>
    public DurableBackend Backend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>Task hub name (letters and digits, 3–45).</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "Durable:TaskHub must be 3–45 letters and digits, starting with a letter.")]
    public string TaskHub { get; set; } = "umkmcredit";

    /// <summary>
    /// The workflow version this process stamps on new orchestration instances and the newest it runs (older
    /// instances run too, on their own path; newer ones are left for a newer process). One of
    /// <see cref="UmkmCredit.Workflow.Catalog.WorkflowVersions.Known"/>; unset: the code's current version. Set it to the
    /// previous version to deploy new code without starting anything on the new path yet (see README "Changing the
    /// workflow safely").
    /// </summary>
    [Required]
    public string Version { get; set; } = UmkmCredit.Workflow.Catalog.WorkflowVersions.Current;

    /// <summary>
    /// This process's name among the task hub's workers. Two processes on one hub must differ, or both own every
    /// partition; a restart of the same process should keep it, so it takes its partition leases back at once instead
    /// of waiting for them to expire. Unset: <see cref="DefaultWorkerId"/>.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>
    /// Control queues (partitions) of the task hub: at most this many processes share the orchestrations. Fixed when
    /// the hub is created; the server refuses to start on a hub created with another count.
    /// </summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest idle queue poll; ~1 s keeps durable timers on time after idle periods.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued work item stays invisible to other workers. After a crash in the middle of an activity or
    /// an episode, its message reappears only after this long (the provider's default is 5 minutes); activities here
    /// are short and idempotent, so a minute recovers sooner without running anything twice in normal operation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:15:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Concurrent activity work items.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>Concurrent orchestration work items.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// The worker id when none is configured: machine, hub and the addresses the server listens on. Two processes on
    /// one machine cannot listen on the same address, so they differ; the same process restarted keeps its id.
    /// </summary>
    public static string DefaultWorkerId(string machineName, string taskHub, string? listenUrls)
    {
        var urls = string.IsNullOrWhiteSpace(listenUrls) ? "default" : listenUrls.Trim().ToLowerInvariant();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(urls)))[..8];
        return $"{machineName}-{taskHub}-{hash}";
    }
}
