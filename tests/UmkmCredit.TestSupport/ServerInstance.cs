using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UmkmCredit.Server;

namespace UmkmCredit.TestSupport;

/// <summary>The real standalone server, in this process, on a free Kestrel port, against a given Azurite.</summary>
public sealed class ServerInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerInstance(WebApplication app, string baseUrl, string outbox)
    {
        _app = app;
        BaseUrl = baseUrl;
        Outbox = new Outbox(outbox);
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>Admin key of test servers.</summary>
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789";

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:12345</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>A client that asks for JSON.</summary>
    public HttpClient Http { get; }

    /// <summary>The pickup directory.</summary>
    public Outbox Outbox { get; }

    /// <summary>The server's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="settings"/> override the shipped defaults.</summary>
    public static async Task<ServerInstance> StartAsync(string storageConnectionString, IDictionary<string, string?>? settings = null)
    {
        var port = Azurite.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var outbox = Path.Combine(Path.GetTempPath(), "umkmcredit-outbox-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server"),
            EnvironmentName = "Testing",
        });
        var values = new Dictionary<string, string?>
        {
            ["urls"] = baseUrl,
            ["Links:BaseUrl"] = baseUrl,
            ["Links:SigningKey"] = "test-signing-key-0123456789abcdef0123456789",
            ["Admin:ApiKey"] = AdminKey,
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Durable:TaskHub"] = "hub" + Guid.NewGuid().ToString("N")[..12],
            ["Durable:WorkerId"] = "test-worker",
            ["Notifications:PickupDirectory"] = outbox,
            // Test servers run as "Testing" and read the outbox: the pickup folder is allowed explicitly.
            ["Notifications:AllowPickupDirectory"] = "true",
            // Tests submit many applications from one address and ask for codes back to back; rate-limit tests turn this on.
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddUmkmCreditServer();
        var app = builder.Build();
        app.MapUmkmCreditApi();
        await app.StartAsync().ConfigureAwait(false);
        var instance = new ServerInstance(app, baseUrl, outbox);
        await instance.WaitHealthyAsync().ConfigureAwait(false);
        return instance;
    }

    /// <summary>Polls <c>/api/health</c> until it answers 200.</summary>
    public async Task WaitHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri("/api/health", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The server did not become healthy.");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>A service of the server.</summary>
    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Outbox.Directory, recursive: true); // this instance's own folder (a fresh name per start)
        }
        catch (IOException)
        {
            // nothing was ever sent (no folder), or a file still open: leftover temp files never fail a test
        }
    }
}
