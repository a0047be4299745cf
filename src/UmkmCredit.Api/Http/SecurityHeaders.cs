using Microsoft.AspNetCore.Http;

namespace UmkmCredit.Api.Http;

/// <summary>
/// The headers every answer carries (API.md "Hardening"): pages may not be framed and leak no tokens through
/// Referer; nothing is sniffed; anything that can carry a token or personal data is never cached.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The page policy: own resources only (inline styles and scripts of our pages), no framing by others.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
        + "object-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    // Answers that carry neither a token nor personal data and may be cached.
    private static readonly string[] Public = ["/api/health", "/api/openapi.json"];

    /// <summary>Registers the headers to be written when the response starts (idempotent; both hosts call it).</summary>
    public static void Register(HttpContext http)
    {
        if (http.Items.ContainsKey(nameof(SecurityHeaders)))
        {
            return;
        }

        http.Items[nameof(SecurityHeaders)] = true;
        http.Response.OnStarting(() =>
        {
            Apply(http);
            return Task.CompletedTask;
        });
    }

    /// <summary>Writes the headers now.</summary>
    public static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if ((http.Response.ContentType ?? string.Empty).StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }

        var path = http.Request.Path.Value ?? string.Empty;
        if (string.IsNullOrEmpty(headers.CacheControl) && !Public.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            headers.CacheControl = "no-store";
        }
    }
}
