using Microsoft.Extensions.Logging;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow.Application;

/// <summary>Computes a deadline from configuration and the working-day calendar (kept out of orchestrator code).</summary>
public sealed class ComputeDeadline(DeadlinePolicy deadlines, ILogger<ComputeDeadline> logger) : IWorkflowActivity<DeadlineRequest, DateTime>
{
    /// <inheritdoc />
    public Task<DateTime> RunAsync(DeadlineRequest input, CancellationToken cancellationToken = default)
    {
        var deadline = deadlines.DeadlineUtc(input.Kind, input.FromUtc);
        Log.DeadlineComputed(logger, input.Kind, input.FromUtc, deadline);
        return Task.FromResult(deadline);
    }
}
