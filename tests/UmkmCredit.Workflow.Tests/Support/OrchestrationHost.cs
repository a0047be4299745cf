using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UmkmCredit.Workflow.Application;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow.Tests.Support;

/// <summary>
/// The real <see cref="ApplicationOrchestration"/> on the in-process engine of <c>Microsoft.DurableTask.InProcessTestHost</c>:
/// <see cref="TaskHubGrpcServer"/> over <see cref="InMemoryOrchestrationService"/> on a loopback port, a gRPC worker and a
/// client, as the standalone server's embedded sidecar does. Every activity of <see cref="WorkflowCatalog"/> is
/// registered under its catalogue name as a test double (<see cref="FakeActivities"/>). One host serves the whole
/// test run; each test uses its own application id, so tests stay independent.
/// </summary>
public sealed class OrchestrationHost : IAsyncDisposable
{
    private static readonly Lazy<Task<OrchestrationHost>> Shared = new(StartAsync);

    private readonly InMemorySidecar _sidecar;
    private readonly IHost _worker;

    private OrchestrationHost(InMemorySidecar sidecar, IHost worker, FakeActivities fakes, CapturedLogs logs)
    {
        _sidecar = sidecar;
        _worker = worker;
        Fakes = fakes;
        Logs = logs;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>The client, used exactly as the product raises events and reads the status.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The activity doubles and their per-application scripts and call records.</summary>
    public FakeActivities Fakes { get; }

    /// <summary>Log lines written by the worker (the orchestration's replay-safe logger included).</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The host shared by every test of the run (started on first use).</summary>
    public static Task<OrchestrationHost> GetAsync() => Shared.Value;

    private static async Task<OrchestrationHost> StartAsync()
    {
        var sidecar = await InMemorySidecar.StartAsync();
        var channel = sidecar.Channel;

        var fakes = new FakeActivities();
        var logs = new CapturedLogs();
        var workerBuilder = Host.CreateApplicationBuilder();
        workerBuilder.Logging.ClearProviders();
        workerBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        workerBuilder.Logging.AddFilter("UmkmCredit", LogLevel.Information);
        workerBuilder.Logging.AddProvider(logs);
        workerBuilder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(channel);
            b.AddTasks(registry =>
            {
                registry.AddOrchestratorFunc<ApplicationWorkflowInput, ApplicationWorkflowResult>(
                    WorkflowNames.Orchestrations.Application, ApplicationOrchestration.RunAsync);
                fakes.Register(registry);
            });
        });
        workerBuilder.Services.AddDurableTaskClient(b => b.UseGrpc(channel));
        var worker = workerBuilder.Build();
        await worker.StartAsync();
        return new OrchestrationHost(sidecar, worker, fakes, logs);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _sidecar.DisposeAsync();
    }
}
