using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace UmkmCredit.Workflow.Tests.Support;

/// <summary>
/// One engine (an in-memory task hub; each deployment has its own loopback gRPC sidecar over it) whose workers
/// come and go: each <see cref="StartWorkerAsync"/> is a deployment of one build at one version, configured as the
/// standalone server configures its worker and client (<c>CurrentOrOlder</c>, <c>Reject</c>, new instances stamped with
/// the version). The hub's state outlives the workers, as a task hub in storage outlives a server process.
/// </summary>
public sealed class VersionedEngine : IAsyncDisposable
{
    private readonly InMemoryOrchestrationService _hub = new(NullLoggerFactory.Instance);

    /// <summary>A new, empty task hub.</summary>
    public static Task<VersionedEngine> StartAsync() => Task.FromResult(new VersionedEngine());

    /// <summary>A worker and a client of one build (<paramref name="register"/>) at <paramref name="version"/>.</summary>
    public async Task<Deployment> StartWorkerAsync(string version, Action<DurableTaskRegistry> register)
    {
        // Each deployment gets its own sidecar over the shared hub, as each server process embeds its own: the
        // sidecar serves one worker stream and sends work to the stream it knows, so a sidecar that outlived its
        // worker could hand the next deployment's work to a stream that has gone (seen once under load).
        var sidecar = await InMemorySidecar.StartAsync(_hub);
        var logs = new CapturedLogs();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(logs);
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(sidecar.Channel);
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
            b.UseGrpc(sidecar.Channel);
            b.UseDefaultVersion(version);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new Deployment(host, logs, sidecar);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One running build; stop it to "undeploy" it.</summary>
    public sealed class Deployment(IHost host, CapturedLogs logs, InMemorySidecar sidecar) : IAsyncDisposable
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
            await sidecar.DisposeAsync();
        }
    }
}
