using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using UmkmCredit.Infrastructure.Scheduling;
using UmkmCredit.Workflow.Reminders;

namespace UmkmCredit.Server;

/// <summary>Runs the reminder sweep on <c>Reminders:Schedule</c> (the server's counterpart of the Functions timer trigger).</summary>
internal sealed partial class ReminderScheduler(
    IServiceProvider services,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = new SweepSchedule(options.Value.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var delay = schedule.Next(now) - now;
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            try
            {
                using var scope = services.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<ReminderSweep>()
                    .RunAsync(scope.ServiceProvider.GetRequiredService<DurableTaskClient>(), stoppingToken).ConfigureAwait(false);
                if (result.RemindersSent + result.Recovered + result.Redelivered > 0)
                {
                    LogSwept(logger, result.RemindersSent, result.Recovered, result.Redelivered);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Reminder sweep: {Sent} reminders sent, {Recovered} submissions recovered, {Redelivered} decisions re-delivered")]
    private static partial void LogSwept(ILogger logger, int sent, int recovered, int redelivered);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Reminder sweep failed; the next run retries")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
