using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UmkmCredit.Workflow.Tests.Support;

/// <summary>
/// One engine (in-memory task hub behind a loopback gRPC sidecar, as in <see cref="OrchestrationHost"/>) whose workers
/// come and go: each <see cref="StartWorkerAsync"/> is a deployment of one build at one version, configured as the
/// standalone server configures its worker and client (<c>CurrentOrOlder</c>, <c>Reject</c>, new instances stamped with
/// the version). The hub's state outlives the workers, as a task hub in storage outlives a server process.
/// </summary>
public sealed class VersionedEngine : IAsyncDisposable
{
    private readonly InMemorySidecar _sidecar;

    private VersionedEngine(InMemorySidecar sidecar) => _sidecar = sidecar;

    /// <summary>Starts the sidecar.</summary>
    public static async Task<VersionedEngine> StartAsync() => new(await InMemorySidecar.StartAsync());

    /// <summary>A worker and a client of one build (<paramref name="register"/>) at <paramref name="version"/>.</summary>
    public async Task<Deployment> StartWorkerAsync(string version, Action<DurableTaskRegistry> register)
    {
        var logs = new CapturedLogs();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(logs);
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(_sidecar.Channel);
            b.AddTasks(register);
            b.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions
            {
                Version = version,
                DefaultVersion = version,
                MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
                FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
            });
        });
        builder.Services.AddDurableTaskClient(b =>
        {
            b.UseGrpc(_sidecar.Channel);
            b.UseDefaultVersion(version);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new Deployment(host, logs);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _sidecar.DisposeAsync();

    /// <summary>One running build; stop it to "undeploy" it.</summary>
    public sealed class Deployment(IHost host, CapturedLogs logs) : IAsyncDisposable
    {
        /// <summary>The build's client.</summary>
        public DurableTaskClient Client { get; } = host.Services.GetRequiredService<DurableTaskClient>();

        /// <summary>What the worker logged (warnings and above).</summary>
        public CapturedLogs Logs => logs;

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
