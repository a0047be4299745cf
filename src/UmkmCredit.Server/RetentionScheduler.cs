using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Privacy;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Server;

/// <summary>Runs the retention job on <c>Retention:Schedule</c> unless <c>Retention:Enabled</c> is false.</summary>
internal sealed partial class RetentionScheduler(
    IServiceProvider services,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionScheduler> logger) : ScheduledJob(services, time)
{
    /// <inheritdoc />
    protected override string Schedule => options.Value.Schedule;

    /// <inheritdoc />
    protected override bool Enabled => options.Value.Enabled;

    /// <inheritdoc />
    protected override async Task RunOnceAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var result = await scoped.GetRequiredService<RunRetention>()
            .ExecuteAsync(scoped.GetRequiredService<DurableTaskClient>(), cancellationToken).ConfigureAwait(false);
        if (result.Purged + result.Failed > 0)
        {
            LogRetention(logger, result.Purged, result.Failed);
        }
    }

    /// <inheritdoc />
    protected override void OnFailed(Exception ex) => LogFailed(logger, ex);

    [LoggerMessage(EventId = 3410, Level = LogLevel.Information, Message = "Retention: {Purged} application(s) purged, {Failed} failed")]
    private static partial void LogRetention(ILogger logger, int purged, int failed);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Warning, Message = "Retention job failed; the next run retries")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
