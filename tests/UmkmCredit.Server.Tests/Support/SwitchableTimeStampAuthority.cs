using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UmkmCredit.Documents.Signatures;

namespace UmkmCredit.Server.Tests.Support;

/// <summary>
/// Test double of an outage: an RFC 3161 endpoint on loopback that answers 503 while <see cref="Up"/> is false
/// and passes requests to a real (development) time-stamp authority once it is switched on.
/// </summary>
public sealed class SwitchableTimeStampAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _refused;
    private int _answered;

    private SwitchableTimeStampAuthority(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where to point <c>Signing:TimestampUrl</c>.</summary>
    public Uri Url { get; }

    /// <summary>False: every request is refused with 503.</summary>
    public bool Up { get; set; }

    /// <summary>Requests refused while down.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Requests answered with a token.</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Starts the endpoint, down.</summary>
    public static async Task<SwitchableTimeStampAuthority> StartAsync(LocalTimeStampAuthority authority)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        SwitchableTimeStampAuthority? self = null;
        app.Run(async context =>
        {
            if (!self!.Up)
            {
                Interlocked.Increment(ref self._refused);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.Body.WriteAsync(authority.Respond(body.ToArray()));
            Interlocked.Increment(ref self._answered);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new SwitchableTimeStampAuthority(app, new Uri(address.TrimEnd('/') + "/tsa"));
        return self;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
