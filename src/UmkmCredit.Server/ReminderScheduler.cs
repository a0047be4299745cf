using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using UmkmCredit.Infrastructure.Scheduling;
using UmkmCredit.Workflow.Reminders;

namespace UmkmCredit.Server;

/// <summary>Runs the reminder sweep on <c>Reminders:Schedule</c>.</summary>
internal sealed partial class ReminderScheduler(
    IServiceProvider services,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : ScheduledJob(services, time)
{
    /// <inheritdoc />
    protected override string Schedule => options.Value.Schedule;

    /// <inheritdoc />
    protected override async Task RunOnceAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var result = await scoped.GetRequiredService<ReminderSweep>()
            .RunAsync(scoped.GetRequiredService<DurableTaskClient>(), cancellationToken).ConfigureAwait(false);
        if (result.RemindersSent + result.Recovered + result.Redelivered > 0)
        {
            LogSwept(logger, result.RemindersSent, result.Recovered, result.Redelivered);
        }
    }

    /// <inheritdoc />
    protected override void OnFailed(Exception ex) => LogFailed(logger, ex);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Reminder sweep: {Sent} reminders sent, {Recovered} submissions recovered, {Redelivered} decisions re-delivered")]
    private static partial void LogSwept(ILogger logger, int sent, int recovered, int redelivered);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Reminder sweep failed; the next run retries")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
