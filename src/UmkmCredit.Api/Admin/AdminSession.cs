using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Platform;

namespace UmkmCredit.Api.Admin;

/// <summary>
/// The admin console's cookie session (API.md "Officials' pages"): <c>POST /api/admin/session</c> with the admin key
/// sets <c>umkm_admin</c> (HttpOnly, SameSite=Strict, Path=/api, 8 hours), a value signed with a key derived from
/// <c>Admin:ApiKey</c> (so rotating the admin key ends every session; nothing is stored). Every form of the console
/// carries a CSRF token derived from the session; a POST authenticated by the cookie alone must be a form with that
/// token. The admin key itself never appears in a page or a URL the console produces.
/// </summary>
public static class AdminSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "umkm_admin";

    /// <summary>The form field of the CSRF token.</summary>
    public const string CsrfField = "csrf";

    /// <summary>How long a session lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const string SessionItem = "umkm.admin.session";

    /// <summary>True when the key matches the configured admin key (constant time).</summary>
    public static bool KeyMatches(string? presented, string? configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey)));
    }

    /// <summary>Sets a new session cookie on the response.</summary>
    public static void Start(HttpContext context, string configuredKey, DateTimeOffset now)
    {
        var expires = now + Lifetime;
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var payload = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + nonce;
        context.Response.Cookies.Append(CookieName, payload + "." + Mac(configuredKey, "session:" + payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/api",
            Expires = expires,
            IsEssential = true,
        });
    }

    /// <summary>Ends the session (the cookie is cleared).</summary>
    public static void End(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/api", SameSite = SameSiteMode.Strict, HttpOnly = true });

    /// <summary>The session's nonce when the request carries a valid, unexpired session cookie; else null.</summary>
    public static string? Nonce(HttpRequest request, string? configuredKey, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(configuredKey) || request.Cookies[CookieName] is not { Length: > 0 and < 200 } cookie)
        {
            return null;
        }

        var parts = cookie.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || now.ToUnixTimeSeconds() > expires)
        {
            return null;
        }

        var expected = Mac(configuredKey, "session:" + parts[0] + "." + parts[1]);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[2]), Encoding.ASCII.GetBytes(expected)) ? parts[1] : null;
    }

    /// <summary>The CSRF token of the request's session (empty when the request came with the key instead).</summary>
    public static string Csrf(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(SessionItem, out var value) && value is (string key, string nonce) ? Mac(key, "csrf:" + nonce) : string.Empty;

    /// <summary>The CSRF token of a valid session cookie on a route that does not pass <see cref="CheckAsync"/> (the console's start page); empty without one.</summary>
    public static string CsrfOf(HttpRequest request, string? configuredKey, DateTimeOffset now) =>
        Nonce(request, configuredKey, now) is { } nonce ? Mac(configuredKey!, "csrf:" + nonce) : string.Empty;

    /// <summary>
    /// Admits an admin request: the key (<c>x-functions-key</c> / <c>?code=</c>) as before, or a valid session cookie;
    /// a POST admitted by the cookie must be a form carrying the session's CSRF token. Null when admitted; else 401
    /// (403 for a missing or wrong CSRF token), as a page for a browser.
    /// </summary>
    public static async Task<IResult?> CheckAsync(HttpRequest request, string? configuredKey, DateTimeOffset now)
    {
        var presented = request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        if (presented.Length > 0)
        {
            return AdminKey.Check(request, configuredKey);
        }

        if (Nonce(request, configuredKey, now) is not { } nonce)
        {
            return RequestReading.PrefersPage(request)
                ? Answers.Page(Pages.AdminPages.SignIn(null, "Masuk dengan kunci admin untuk membuka halaman ini."), StatusCodes.Status401Unauthorized)
                : AdminKey.Check(request, configuredKey);
        }

        request.HttpContext.Items[SessionItem] = (configuredKey!, nonce);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        var token = string.Empty;
        if (request.HasFormContentType)
        {
            try
            {
                token = (await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false))[CsrfField].ToString();
            }
            catch (InvalidDataException)
            {
                token = string.Empty;
            }
        }

        var expected = Mac(configuredKey!, "csrf:" + nonce);
        return token.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(expected))
            ? null
            : Answers.Failure(request, new Workflow.UseCases.Failure(Workflow.UseCases.FailureKind.Forbidden, "Formulir kedaluwarsa",
                "Formulir ini tidak dapat diterima (token keamanan tidak cocok). Muat ulang halaman lalu coba lagi."));
    }

    private static string Mac(string configuredKey, string data)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("umkmcredit-admin-session:" + configuredKey));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data)));
    }
}
