using System.Net;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using UmkmCredit.Infrastructure.Storage;

namespace UmkmCredit.Server.Engine;

/// <summary>
/// The Durable Task engine inside the standalone host: <see cref="TaskHubGrpcServer"/> on a loopback HTTP/2
/// port over an <see cref="IOrchestrationService"/> (Azure Storage by default). The worker and the client
/// reach it over gRPC exactly as they would reach any sidecar. Started on first use (when the worker or
/// client options are resolved) so that its real port is known before they connect.
/// </summary>
public sealed partial class EmbeddedSidecar(
    IOptions<EngineOptions> engine,
    IOptions<StorageOptions> storage,
    ILoggerFactory loggerFactory) : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>How long a stop waits for the engine to hand back its partitions before the host goes on.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private WebApplication? _app;
    private IOrchestrationService? _service;
    private GrpcChannel? _channel;

    /// <summary>The address the sidecar listens on (after start).</summary>
    public string? Address { get; private set; }

    /// <summary>Starts the sidecar if needed and returns a channel to it.</summary>
    public GrpcChannel Channel()
    {
        lock (_gate)
        {
            if (_channel is null)
            {
                StartAsync().GetAwaiter().GetResult();
            }

            return _channel!;
        }
    }

    /// <inheritdoc />
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    Task IHostedLifecycleService.StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    Task IHostedLifecycleService.StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Drains the engine while the worker still runs. The Azure Storage provider releases its partitions only after
    /// the messages it holds in memory are processed; the sidecar itself stops the provider from an un-awaited
    /// callback after the worker is gone, where the drain can never finish and the provider's 10-minute wait then
    /// throws on a pool thread (the process dies). Stopped here first, the sidecar's own later stop returns at once.
    /// </summary>
    async Task IHostedLifecycleService.StoppingAsync(CancellationToken cancellationToken)
    {
        if (_service is null)
        {
            return;
        }

        try
        {
            await _service.StopAsync(isForced: false).WaitAsync(DrainTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A timeout, or a provider the sidecar never started (no worker connected): the host stops either way.
            LogDrainFailed(loggerFactory.CreateLogger<EmbeddedSidecar>(), ex, DrainTimeout);
        }
    }

    /// <inheritdoc />
    Task IHostedLifecycleService.StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartAsync()
    {
        var options = engine.Value;
        var service = await CreateServiceAsync(options).ConfigureAwait(false);
        _service = service;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true); // the main host already says it started
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync().ConfigureAwait(false);

        Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _app = app;
        _channel = GrpcChannel.ForAddress(Address);
        LogStarted(loggerFactory.CreateLogger<EmbeddedSidecar>(), options.Backend.ToString(), options.TaskHub, options.WorkerId ?? "-", options.PartitionCount, Address);
    }

    private async Task<IOrchestrationService> CreateServiceAsync(EngineOptions options)
    {
        if (options.Backend == DurableBackend.InMemory)
        {
            return new InMemoryOrchestrationService(loggerFactory);
        }

        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(storage.Value.ConnectionString),
            TaskHubName = options.TaskHub,
            WorkerId = options.WorkerId ?? EngineOptions.DefaultWorkerId(Environment.MachineName, options.TaskHub, null),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.VisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = loggerFactory,

            // A start that meets a live instance fails instead of returning quietly (InstanceStarts), as the
            // Functions extension also configures the provider.
            ThrowExceptionOnInvalidDedupeStatus = true,
        };
        await TaskHubPartitions.EnsureAsync(new QueueServiceClient(storage.Value.ConnectionString), options.TaskHub, options.PartitionCount).ConfigureAwait(false);
        var service = new AzureStorageOrchestrationService(settings);

        // Create the hub's queues and tables, but do NOT start the service: the sidecar starts it when
        // the first worker connects, and starting it twice crashes the process.
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);
        return service;
    }

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "The durable engine did not hand back its partitions within {Timeout}; another process takes them over after the lease expires")]
    private static partial void LogDrainFailed(ILogger logger, Exception ex, TimeSpan timeout);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "Durable engine ({Backend}, hub {TaskHub}, worker {WorkerId}, {PartitionCount} partitions) listening on {Address}")]
    private static partial void LogStarted(ILogger logger, string backend, string taskHub, string workerId, int partitionCount, string address);
}
