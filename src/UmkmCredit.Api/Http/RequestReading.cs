using System.Buffers;
using Microsoft.AspNetCore.Http;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Http;

/// <summary>Reads request bodies with hard limits, whichever host serves them.</summary>
public static class RequestReading
{
    /// <summary>Largest JSON body (256 KB).</summary>
    public const int MaxJsonBytes = 256 * 1024;

    /// <summary>Largest document (10 MB).</summary>
    public const int MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        if (declaredLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, chunk.Length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a JSON object body (≤ 256 KB; an empty body is an empty object when <paramref name="emptyIsObject"/>).</summary>
    public static async Task<Result<System.Text.Json.JsonElement>> ReadJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken, bool emptyIsObject = false)
    {
        var body = await ReadLimitedAsync(request.Body, request.ContentLength, MaxJsonBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Failure.TooLarge("Isian melebihi 256 KB.");
        }

        if (body.Length == 0 && emptyIsObject)
        {
            body = "{}"u8.ToArray();
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                ? Failure.Field("$", "json.malformed", "Data harus berupa objek JSON.")
                : ApiJson.DuplicateKeys(body) is { } duplicate ? duplicate : doc.RootElement.Clone();
        }
        catch (System.Text.Json.JsonException)
        {
            return Failure.Field("$", "json.malformed", "Data bukan JSON yang valid.");
        }
    }

    /// <summary>Reads a form post (≤ 256 KB), checking the size before reading.</summary>
    public static async Task<Result<IFormCollection>> ReadSmallFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return Failure.TooLarge("Isian melebihi 256 KB.");
        }

        try
        {
            return Result<IFormCollection>.From(await request.ReadFormAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidDataException)
        {
            return Failure.TooLarge("Isian melebihi 256 KB.");
        }
    }

    /// <summary>A string member of a JSON object: absent or null is null; any other kind is a 400 at that path.</summary>
    public static Result<string?> JsonString(System.Text.Json.JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return Result<string?>.From(null);
        }

        return value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => Result<string?>.From(value.GetString()),
            System.Text.Json.JsonValueKind.Null => Result<string?>.From(null),
            _ => Failure.Field(name, "json.type", "Jenis nilai tidak sesuai (harus teks)."),
        };
    }

    /// <summary>The applicant token from <c>Authorization: Bearer</c> or <c>?token=</c>.</summary>
    public static string? BearerOrQueryToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var query = request.Query["token"].ToString();
        return string.IsNullOrEmpty(query) ? null : query;
    }

    /// <summary>True when the client asked for JSON rather than a page.</summary>
    public static bool WantsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            || !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when a person's browser asked (the Accept header prefers <c>text/html</c>, or a form was posted without
    /// asking for JSON): every answer, errors included, is then a page (API.md "Browsers get pages").
    /// </summary>
    public static bool PrefersPage(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || accept.Contains("application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) || request.HasFormContentType;
    }

    /// <summary>
    /// How to answer a POST: JSON when the client asks for it; a page for a form sent by a browser.
    /// </summary>
    public static bool AnswerAsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        || (!request.HasFormContentType && WantsJson(request));

    /// <summary>The client's IP address and user agent, for evidence.</summary>
    public static (string? Ip, string? UserAgent) Client(HttpRequest request) =>
        (request.HttpContext.Connection.RemoteIpAddress?.ToString(), request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 300)] : null);
}
