using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Signals;

namespace UmkmCredit.Workflow.Tests.Signals;

/// <summary>
/// A signal never reaches an instance whose first step has not run: the Azure Storage provider deletes such an event
/// ("No such instance" — seen in the workflow benchmark under load, when a start message was deferred). The race
/// cannot be forced on a real engine here (the embedded sidecar ignores scheduled starts), so the order of calls is
/// checked against a recording client.
/// </summary>
public sealed class ApplicationSignalsTests
{
    private static readonly WorkflowSignal Withdraw = new(SignalKind.Withdraw, AuditActors.Applicant);

    [Fact]
    public async Task A_pending_instance_is_waited_for_before_the_signal_is_raised()
    {
        var client = new RecordingClient(OrchestrationRuntimeStatus.Pending);

        await ApplicationSignals.RaiseAsync(client, "app", Withdraw, CancellationToken.None);

        Assert.Equal(["get app: Pending", "wait app", $"raise app {WorkflowNames.Events.Signal}"], client.Calls);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    public async Task A_started_instance_gets_the_signal_at_once(OrchestrationRuntimeStatus status)
    {
        var client = new RecordingClient(status);

        await ApplicationSignals.RaiseAsync(client, "app", Withdraw, CancellationToken.None);

        Assert.Equal([$"get app: {status}", $"raise app {WorkflowNames.Events.Signal}"], client.Calls);
    }

    /// <summary>Test double of the engine client: answers with one status, records what is asked of it.</summary>
    private sealed class RecordingClient(OrchestrationRuntimeStatus status) : DurableTaskClient("recording")
    {
        public List<string> Calls { get; } = [];

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        {
            Calls.Add($"get {instanceId}: {status}");
            return Task.FromResult<OrchestrationMetadata?>(new OrchestrationMetadata(WorkflowNames.Orchestrations.Application, instanceId) { RuntimeStatus = status });
        }

        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        {
            Calls.Add($"wait {instanceId}");
            return Task.FromResult(new OrchestrationMetadata(WorkflowNames.Orchestrations.Application, instanceId) { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        }

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
        {
            Calls.Add($"raise {instanceId} {eventName}");
            return Task.CompletedTask;
        }

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) => throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();

        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
