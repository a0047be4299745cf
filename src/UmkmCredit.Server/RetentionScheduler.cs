using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using UmkmCredit.Infrastructure.Scheduling;
using UmkmCredit.Workflow.Privacy;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Server;

/// <summary>Runs the retention job on <c>Retention:Schedule</c> (the server's counterpart of the Functions timer trigger).</summary>
internal sealed partial class RetentionScheduler(
    IServiceProvider services,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var schedule = new SweepSchedule(options.Value.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var delay = schedule.Next(now) - now;
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            try
            {
                using var scope = services.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<RunRetention>()
                    .ExecuteAsync(scope.ServiceProvider.GetRequiredService<DurableTaskClient>(), stoppingToken).ConfigureAwait(false);
                if (result.Purged + result.Failed > 0)
                {
                    LogRetention(logger, result.Purged, result.Failed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3410, Level = LogLevel.Information, Message = "Retention: {Purged} application(s) purged, {Failed} failed")]
    private static partial void LogRetention(ILogger logger, int purged, int failed);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Warning, Message = "Retention job failed; the next run retries")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
