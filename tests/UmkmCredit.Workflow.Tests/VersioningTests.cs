using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>
/// Deploying changed workflow code while instances wait: a worker of the old build at version 1.0 (or of a build from
/// before versioning) starts instances and is stopped while they wait for an event; a worker of the new build at 2.0
/// takes over the same task hub. Old instances finish on the old path, new ones take the new one. Each test has its
/// own engine, so the hub holds only its instances. A worker is stopped only where its instance has no work in flight
/// (the status "waiting" is written by the episode that starts the wait): the in-memory hub, unlike Azure Storage, never
/// hands a work item lost with its worker to the next one. The real application orchestration across its 2.0 change
/// is tested on Azurite with server processes (UmkmCredit.Server.Tests, Engine/VersioningTests).
/// </summary>
public sealed class VersioningTests : IAsyncLifetime
{
    private const string Probe = "VersionProbe";
    private const string Step = "ProbeStep";
    private const string Check = "ProbeCheck";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _calls = new();
    private VersionedEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await VersionedEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task An_instance_waiting_under_1_0_finishes_on_the_old_path_after_2_0_is_deployed_and_a_new_one_takes_the_new_path()
    {
        string old;
        await using (var first = await _engine.StartWorkerAsync(WorkflowVersions.V1, r => RegisterProbe(r, Build1)))
        {
            old = await StartProbeAsync(first.Client);
            await WaitForAsync(first.Client, old, i => i.SerializedCustomStatus?.Contains("waiting", StringComparison.Ordinal) == true, "waiting");
        }

        await using var second = await _engine.StartWorkerAsync(WorkflowVersions.V2, r => RegisterProbe(r, Build2));
        await second.Client.RaiseEventAsync(old, "go", "go");
        var oldDone = await WaitForAsync(second.Client, old, i => i.IsCompleted, "completed");
        var fresh = await StartProbeAsync(second.Client);
        await WaitForAsync(second.Client, fresh, i => i.SerializedCustomStatus?.Contains("waiting", StringComparison.Ordinal) == true, "waiting");
        await second.Client.RaiseEventAsync(fresh, "go", "go");
        var freshDone = await WaitForAsync(second.Client, fresh, i => i.IsCompleted, "completed");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, oldDone.RuntimeStatus);
        Assert.Equal("v1:before|go|after", oldDone.ReadOutputAs<string>());
        Assert.Equal([$"{old}:{Step}:before", $"{old}:{Step}:after"], CallsOf(old));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, freshDone.RuntimeStatus);
        Assert.Equal("v2:before|go|after", freshDone.ReadOutputAs<string>());
        Assert.Equal([$"{fresh}:{Check}:check", $"{fresh}:{Step}:before", $"{fresh}:{Step}:after"], CallsOf(fresh));
    }

    [Fact]
    public async Task Without_the_version_branch_the_same_change_breaks_the_waiting_instance()
    {
        // The control: what the branch above prevents. The inserted activity meets a history that scheduled another.
        string old;
        await using (var first = await _engine.StartWorkerAsync(WorkflowVersions.V1, r => RegisterProbe(r, Build1)))
        {
            old = await StartProbeAsync(first.Client);
            await WaitForAsync(first.Client, old, i => i.SerializedCustomStatus?.Contains("waiting", StringComparison.Ordinal) == true, "waiting");
        }

        await using var second = await _engine.StartWorkerAsync(WorkflowVersions.V2, r => RegisterProbe(r, Build2WithoutBranch));
        await second.Client.RaiseEventAsync(old, "go", "go");
        var done = await WaitForAsync(second.Client, old, i => i.IsCompleted, "completed");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("determinis", done.FailureDetails?.ErrorMessage ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"{old}:{Step}:after", CallsOf(old));
    }

    // The test orchestration as first deployed (1.0).
    private static async Task<string> Build1(TaskOrchestrationContext context)
    {
        var before = await context.CallActivityAsync<string>(Step, "before");
        context.SetCustomStatus("waiting");
        var payload = await context.WaitForExternalEvent<string>("go");
        var after = await context.CallActivityAsync<string>(Step, "after");
        return $"v1:{before}|{payload}|{after}";
    }

    // The next build (2.0): a check inserted before the wait, behind the version branch.
    private static async Task<string> Build2(TaskOrchestrationContext context)
    {
        var v2 = WorkflowVersions.IsAtLeast(context.Version, WorkflowVersions.V2);
        if (v2)
        {
            await context.CallActivityAsync<string>(Check, "check");
        }

        var before = await context.CallActivityAsync<string>(Step, "before");
        context.SetCustomStatus("waiting");
        var payload = await context.WaitForExternalEvent<string>("go");
        var after = await context.CallActivityAsync<string>(Step, "after");
        return $"{(v2 ? "v2" : "v1")}:{before}|{payload}|{after}";
    }

    // The same change made carelessly: no branch.
    private static async Task<string> Build2WithoutBranch(TaskOrchestrationContext context)
    {
        await context.CallActivityAsync<string>(Check, "check");
        var before = await context.CallActivityAsync<string>(Step, "before");
        context.SetCustomStatus("waiting");
        var payload = await context.WaitForExternalEvent<string>("go");
        var after = await context.CallActivityAsync<string>(Step, "after");
        return $"v2:{before}|{payload}|{after}";
    }

    private void RegisterProbe(DurableTaskRegistry registry, Func<TaskOrchestrationContext, Task<string>> build)
    {
        registry.AddOrchestratorFunc<string, string>(Probe, (context, _) => build(context));
        registry.AddActivityFunc<string, string>(Step, (context, input) => Record(context, Step, input));
        registry.AddActivityFunc<string, string>(Check, (context, input) => Record(context, Check, input));
    }

    private string Record(TaskActivityContext context, string name, string input)
    {
        _calls.Enqueue($"{context.InstanceId}:{name}:{input}");
        return input;
    }

    private List<string> CallsOf(string id) => _calls.Where(c => c.StartsWith(id + ":", StringComparison.Ordinal)).ToList();

    private static async Task<string> StartProbeAsync(DurableTaskClient client)
    {
        var id = "P" + Guid.NewGuid().ToString("N")[..12];
        await client.ScheduleNewOrchestrationInstanceAsync(Probe, "input", new StartOrchestrationOptions(id));
        return id;
    }

    private static async Task<OrchestrationMetadata> WaitForAsync(DurableTaskClient client, string id, Func<OrchestrationMetadata, bool> until, string what)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        OrchestrationMetadata? last = null;
        while (!limit.IsCancellationRequested)
        {
            last = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (last is not null && until(last))
            {
                return last;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"{id} did not reach {what}: {last?.RuntimeStatus} {last?.SerializedCustomStatus} {last?.FailureDetails?.ErrorMessage}");
        return null!;
    }
}
