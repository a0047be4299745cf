using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow.Signals;

/// <summary>The only place that raises events into an application's orchestration.</summary>
public static class ApplicationSignals
{
    /// <summary>Delivers one signal to the application's orchestration.</summary>
    public static Task RaiseAsync(DurableTaskClient durable, string applicationId, WorkflowSignal signal, CancellationToken cancellationToken) =>
        durable.RaiseEventAsync(applicationId, WorkflowNames.Events.Signal, signal, cancellationToken);
}
