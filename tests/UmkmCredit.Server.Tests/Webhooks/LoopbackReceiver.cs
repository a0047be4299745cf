using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Webhooks;

/// <summary>One request a receiver got, with the status it answered.</summary>
public sealed record ReceivedWebhook(string EventId, string Timestamp, string Signature, string Body, int Answered, DateTime AtUtc);

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel), answering each request with the status <c>answer(body)</c> gives. Not a mock: the server's HTTP client connects to it like to any subscriber.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private LoopbackReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The URL to subscribe.</summary>
    public string Url { get; }

    /// <summary>Every request, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    /// <summary>
    /// The URL of a receiver that is down for good: a port held bound but never listening, so every connection is refused
    /// and no later Azurite or server can take the port (a merely "free" port was once taken by one and answered 400).
    /// Keep <paramref name="holder"/> for as long as the URL is subscribed.
    /// </summary>
    public static string DownUrl(out System.Net.Sockets.Socket holder)
    {
        holder = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        holder.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return $"http://127.0.0.1:{((System.Net.IPEndPoint)holder.LocalEndPoint!).Port}/hook";
    }

    /// <summary>Starts a receiver on <paramref name="port"/> (0: a free one).</summary>
    public static async Task<LoopbackReceiver> StartAsync(Func<string, HttpStatusCode> answer, int port = 0)
    {
        port = port == 0 ? Azurite.FreePort() : port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app, $"http://127.0.0.1:{port}/hook");
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = (int)answer(body);
            receiver._received.Enqueue(new ReceivedWebhook(
                context.Request.Headers["X-UmkmCredit-Event-Id"].ToString(),
                context.Request.Headers["X-UmkmCredit-Timestamp"].ToString(),
                context.Request.Headers["X-UmkmCredit-Signature"].ToString(),
                body, status, DateTime.UtcNow));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Polls until <paramref name="done"/> holds for the received requests.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var now = Received;
            if (done(now))
            {
                return now;
            }

            Assert.True(DateTime.UtcNow < deadline, $"receiver {Url} did not get what was awaited; got {now.Count}: " + string.Join(" | ", now.Select(r => $"{r.Answered} {r.Body}")));
            await Task.Delay(200);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
