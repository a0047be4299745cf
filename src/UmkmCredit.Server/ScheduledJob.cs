using UmkmCredit.Infrastructure.Scheduling;

namespace UmkmCredit.Server;

/// <summary>
/// A job on an NCRONTAB schedule (the server's counterpart of a Functions timer trigger): waits for the next
/// occurrence, runs once in its own DI scope, and logs a failure without stopping — the next occurrence retries.
/// </summary>
internal abstract class ScheduledJob(IServiceProvider services, TimeProvider time) : BackgroundService
{
    /// <summary>The NCRONTAB expression (six fields, seconds first).</summary>
    protected abstract string Schedule { get; }

    /// <summary>False: the job never runs.</summary>
    protected virtual bool Enabled => true;

    /// <summary>One run, with services from a fresh scope.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider scoped, CancellationToken cancellationToken);

    /// <summary>A run threw; the next occurrence runs again.</summary>
    protected abstract void OnFailed(Exception ex);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var schedule = new SweepSchedule(Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var delay = schedule.Next(now) - now;
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            try
            {
                using var scope = services.CreateScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OnFailed(ex);
            }
        }
    }
}
