using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Functions.Reminders;

/// <summary>
/// Runs the retention job (<see cref="RunRetention"/>) on the NCRONTAB schedule of the app setting
/// <see cref="ScheduleSetting"/> (the server reads <c>Retention:Schedule</c>; flat for the same reason as the reminders').
/// </summary>
public sealed partial class RetentionTimerFunction(RunRetention retention, ILogger<RetentionTimerFunction> logger)
{
    /// <summary>Function name.</summary>
    public const string Name = "RetentionSweep";

    /// <summary>App setting holding the schedule, e.g. <c>0 0 19 * * *</c>.</summary>
    public const string ScheduleSetting = "RETENTION_SCHEDULE";

    [Function(Name)]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var result = await retention.ExecuteAsync(client, context.CancellationToken).ConfigureAwait(false);
        if (result.Purged + result.Failed > 0)
        {
            LogRetention(logger, result.Purged, result.Failed);
        }
    }

    [LoggerMessage(EventId = 3410, Level = LogLevel.Information, Message = "Retention: {Purged} application(s) purged, {Failed} failed")]
    private static partial void LogRetention(ILogger logger, int purged, int failed);
}
