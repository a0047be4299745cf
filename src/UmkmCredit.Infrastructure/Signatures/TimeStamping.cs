using Microsoft.Extensions.Options;
using UmkmCredit.Documents.Signatures;

namespace UmkmCredit.Infrastructure.Signatures;

/// <summary>The one HTTP client of the signature adapters (time-stamp authorities, Key Vault).</summary>
internal static class SignatureHttp
{
    public static HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };
}

/// <summary>The address of the loopback time-stamp authority a host runs when no <c>Signing:TimestampUrl</c> is configured.</summary>
public sealed class LocalTimeStampEndpoint
{
    /// <summary>Set by the host once its loopback authority listens.</summary>
    public Uri? Url { get; set; }
}

/// <summary>
/// Picks the time-stamp authority: <c>Signing:TimestampUrl</c>; else the host's loopback authority; else
/// (a host without one, e.g. the Functions app run locally) the development authority in this process.
/// </summary>
public sealed class TimeStampAuthorities(IOptions<DocumentSigningOptions> options, LocalTimeStampEndpoint local, SigningKeys keys)
{
    private LocalTimeStampAuthority? _inProcess;

    /// <summary>The authority to use now.</summary>
    public ITimeStampAuthority Current()
    {
        if (options.Value.TimestampUrl is { } configured)
        {
            return new HttpTimeStampAuthority(SignatureHttp.Client, configured);
        }

        return local.Url is { } loopback
            ? new HttpTimeStampAuthority(SignatureHttp.Client, loopback)
            : _inProcess ??= keys.Development().TimeStampAuthority();
    }
}
