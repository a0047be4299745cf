using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using UmkmCredit.Infrastructure.Signatures;

namespace UmkmCredit.Server;

/// <summary>
/// With no <c>Signing:TimestampUrl</c>, runs an RFC 3161 time-stamp authority on a loopback port (development
/// CA under the data folder) and points the seal at it, so the standalone server seals like production does.
/// </summary>
internal sealed partial class LocalTimeStampServer(
    IOptions<DocumentSigningOptions> options,
    LocalTimeStampEndpoint endpoint,
    SigningKeys keys,
    ILogger<LocalTimeStampServer> logger) : IHostedService, IAsyncDisposable
{
    private const int MaxRequestBytes = 16 * 1024;
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.TimestampUrl is not null)
        {
            return;
        }

        var authority = keys.Development().TimeStampAuthority();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.ContentType != "application/timestamp-query")
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            if (body.Length > MaxRequestBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            var reply = authority.Respond(body.ToArray());
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.Body.WriteAsync(reply, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Url = new Uri(address.TrimEnd('/') + "/tsa");
        LogListening(logger, endpoint.Url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            endpoint.Url = null;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "No Signing:TimestampUrl: development time-stamp authority listening on {Url}.")]
    private static partial void LogListening(ILogger logger, Uri url);
}
