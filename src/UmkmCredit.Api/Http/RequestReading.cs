using System.Buffers;
using Microsoft.AspNetCore.Http;

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

    /// <summary>Reads a JSON object body (≤ 256 KB); otherwise the 413/400 problem to answer.</summary>
    public static async Task<(System.Text.Json.JsonElement Root, IResult? Problem)> ReadJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(request.Body, request.ContentLength, MaxJsonBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (default, Problems.TooLarge("Isian melebihi 256 KB."));
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                ? (doc.RootElement.Clone(), null)
                : (default, Problems.Field("$", "json.malformed", "Data harus berupa objek JSON."));
        }
        catch (System.Text.Json.JsonException)
        {
            return (default, Problems.Field("$", "json.malformed", "Data bukan JSON yang valid."));
        }
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
    /// How to answer a POST: JSON when the client asks for it; a page for a form sent by a browser.
    /// </summary>
    public static bool AnswerAsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        || (!request.HasFormContentType && WantsJson(request));

    /// <summary>The client's IP address and user agent, for evidence.</summary>
    public static (string? Ip, string? UserAgent) Client(HttpRequest request) =>
        (request.HttpContext.Connection.RemoteIpAddress?.ToString(), request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 300)] : null);
}

/// <summary>Recognises document types by their magic bytes, never by name.</summary>
public static class FileSignatures
{
    /// <summary>The content type of PDF, JPEG or PNG bytes; null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return "image/jpeg";
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return content.StartsWith(png) ? "image/png" : null;
    }
}
