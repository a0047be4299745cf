using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Support;

/// <summary>One Azurite and one server with the shipped (working-day) deadlines, shared by a collection.</summary>
public sealed class DefaultServerFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The Azurite instance.</summary>
    public Azurite Azurite => _azurite!;

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

/// <summary>A server with deadlines of seconds, for reminders, escalation and expiry on real durable timers.</summary>
public sealed class FastTimersFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The server.</summary>
    public ServerInstance Server { get; private set; } = null!;

    /// <summary>Review deadline used.</summary>
    public static TimeSpan ReviewDeadline { get; } = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Workflow:ReviewDeadline"] = "00:00:20",
            ["Workflow:EscalationDeadline"] = "00:00:16",
            ["Workflow:DocumentsDeadline"] = "00:00:10",
            ["Workflow:ReminderLeadTime"] = "00:00:14",
            ["Reminders:Schedule"] = "*/1 * * * * *",
            ["Signing:Mode"] = "Parallel",
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

/// <summary>Collection of tests sharing <see cref="DefaultServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultServerCollection : ICollectionFixture<DefaultServerFixture>
{
    /// <summary>Name.</summary>
    public const string Name = "default server";
}

/// <summary>Collection of tests sharing <see cref="FastTimersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class FastTimersCollection : ICollectionFixture<FastTimersFixture>
{
    /// <summary>Name.</summary>
    public const string Name = "fast timers";
}
