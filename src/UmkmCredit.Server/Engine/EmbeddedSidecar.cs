using System.Net;
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
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private WebApplication? _app;
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
        LogStarted(loggerFactory.CreateLogger<EmbeddedSidecar>(), options.Backend.ToString(), options.TaskHub, Address);
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
            WorkerId = options.WorkerId ?? $"{Environment.MachineName}-{options.TaskHub}",
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.VisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = loggerFactory,
        };
        var service = new AzureStorageOrchestrationService(settings);

        // Create the hub's queues and tables, but do NOT start the service: the sidecar starts it when
        // the first worker connects, and starting it twice crashes the process.
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);
        return service;
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "Durable engine ({Backend}, hub {TaskHub}) listening on {Address}")]
    private static partial void LogStarted(ILogger logger, string backend, string taskHub, string address);
}
