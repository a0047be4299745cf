using Microsoft.Extensions.Hosting;

namespace UmkmCredit.Infrastructure.Storage;

/// <summary>Creates the blob containers and tables when a host starts (both hosts register it through <c>AddUmkmCreditInfrastructure</c>).</summary>
public sealed class StorageInitializer(StorageClients clients) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => clients.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
