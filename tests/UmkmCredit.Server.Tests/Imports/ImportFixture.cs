using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Imports;

/// <summary>Its own Azurite and server: a 1,000-row import fills storage the other collections count.</summary>
public sealed class ImportServerFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The server.</summary>
    public ServerInstance Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

/// <summary>Collection of the import tests; it runs alone (a thousand applications would slow every other collection down).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImportServerCollection : ICollectionFixture<ImportServerFixture>
{
    /// <summary>Name.</summary>
    public const string Name = "import server";
}
