using Microsoft.Extensions.Hosting;
using UmkmCredit.Infrastructure.Storage;

namespace UmkmCredit.Functions.Platform;

/// <summary>Creates the blob containers and tables when the worker starts (the server does the same).</summary>
internal sealed class StorageInitializer(StorageClients clients) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => clients.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
