using System.Net;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace UmkmCredit.Workflow.Tests.Support;

/// <summary>
/// An in-memory task hub (<see cref="InMemoryOrchestrationService"/>) behind <see cref="TaskHubGrpcServer"/> on a
/// loopback port — the shape of the standalone server's embedded sidecar, for workers and clients to connect to.
/// </summary>
public sealed class InMemorySidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InMemorySidecar(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        Channel = channel;
    }

    /// <summary>The channel workers and clients use.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>
    /// Starts a sidecar on a free loopback port over <paramref name="service"/> (a new, empty task hub when null).
    /// Sidecars started one after another over one service share its instances, as server processes share a task hub.
    /// </summary>
    public static async Task<InMemorySidecar> StartAsync(InMemoryOrchestrationService? service = null)
    {
        service ??= new InMemoryOrchestrationService(NullLoggerFactory.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InMemorySidecar(app, GrpcChannel.ForAddress(address));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
    }
}
