using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Functions.Reminders;

/// <summary>
/// Runs the retention job (<see cref="RunRetention"/>) on the NCRONTAB schedule of the app setting
/// <see cref="ScheduleSetting"/> (the server reads <c>Retention:Schedule</c>; flat for the same reason as the reminders').
/// The job logs its own result.
/// </summary>
public sealed class RetentionTimerFunction(RunRetention retention)
{
    /// <summary>Function name.</summary>
    public const string Name = "RetentionSweep";

    /// <summary>App setting holding the schedule, e.g. <c>0 0 19 * * *</c>.</summary>
    public const string ScheduleSetting = "RETENTION_SCHEDULE";

    [Function(Name)]
    public Task RunAsync(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        retention.ExecuteAsync(client, context.CancellationToken);
}
