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
    protected override Task RunOnceAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
        scoped.GetRequiredService<RunRetention>().ExecuteAsync(scoped.GetRequiredService<DurableTaskClient>(), cancellationToken); // it logs its own result

    /// <inheritdoc />
    protected override void OnFailed(Exception ex) => LogFailed(logger, ex);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Warning, Message = "Retention job failed; the next run retries")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
