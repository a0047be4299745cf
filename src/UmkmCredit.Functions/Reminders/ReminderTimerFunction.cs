using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using UmkmCredit.Workflow.Reminders;

namespace UmkmCredit.Functions.Reminders;

/// <summary>
/// Runs the reminder sweep on the NCRONTAB schedule of the app setting <see cref="ScheduleSetting"/>
/// (the server reads <c>Reminders:Schedule</c>). A flat name because <c>%…%</c> binding expressions
/// resolve app settings by name, and <c>Reminders__Schedule</c> vs. <c>Reminders:Schedule</c> differ
/// between local.settings.json and Azure app settings.
/// </summary>
public sealed partial class ReminderTimerFunction(ReminderSweep sweep, ILogger<ReminderTimerFunction> logger)
{
    /// <summary>Function name.</summary>
    public const string Name = "ReminderSweep";

    /// <summary>App setting holding the schedule, e.g. <c>0 */15 * * * *</c>.</summary>
    public const string ScheduleSetting = "REMINDERS_SCHEDULE";

    [Function(Name)]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var result = await sweep.RunAsync(client, context.CancellationToken).ConfigureAwait(false);
        if (result.RemindersSent + result.Recovered > 0)
        {
            LogSwept(logger, result.RemindersSent, result.Recovered);
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Reminder sweep: {Sent} reminders sent, {Recovered} submissions recovered")]
    private static partial void LogSwept(ILogger logger, int sent, int recovered);
}
