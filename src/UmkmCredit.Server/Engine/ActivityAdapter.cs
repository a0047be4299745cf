using Microsoft.DurableTask;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Server.Engine;

/// <summary>Adapts a host-agnostic activity to the Durable Task SDK.</summary>
public sealed class ActivityAdapter<TInput, TOutput>(IWorkflowActivity<TInput, TOutput> activity) : TaskActivity<TInput, TOutput>
{
    /// <inheritdoc />
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => activity.RunAsync(input);
}
