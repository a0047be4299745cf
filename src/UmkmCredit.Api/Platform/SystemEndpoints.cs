using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Platform;

/// <summary>Health and the OpenAPI document.</summary>
public sealed class SystemEndpoints(IStorageHealth storage)
{
    private static readonly Lazy<string> OpenApiDocument = new(() =>
    {
        using var stream = typeof(SystemEndpoints).Assembly.GetManifestResourceStream("UmkmCredit.Api.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The OpenAPI 3 document of the contract.</summary>
    public static string OpenApiJson => OpenApiDocument.Value;

    /// <summary><c>GET /api/health</c>: 200 only when the engine and storage answer.</summary>
    public async Task<IResult> HealthAsync(ApiRequest r)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(r.Http.RequestAborted);
        cts.CancelAfter(TimeSpan.FromSeconds(5));
        var storageOk = await storage.PingAsync(cts.Token).ConfigureAwait(false);
        bool engineOk;
        try
        {
            await r.Durable.GetInstanceAsync("health-probe", cts.Token).ConfigureAwait(false);
            engineOk = true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            engineOk = false;
        }

        var parts = new { storage = storageOk ? "ok" : "unavailable", engine = engineOk ? "ok" : "unavailable" };
        if (storageOk && engineOk)
        {
            return Results.Json(new { status = "ok", parts.storage, parts.engine }, ApiJson.Options);
        }

        r.Http.Response.Headers.RetryAfter = Outages.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Status(503, "Layanan sedang tidak tersedia", "Penyimpanan atau mesin alur kerja tidak menjawab.",
            new Dictionary<string, object?> { ["status"] = "unavailable", ["storage"] = parts.storage, ["engine"] = parts.engine });
    }

    /// <summary><c>GET /api/openapi.json</c>.</summary>
    public Task<IResult> OpenApiAsync(ApiRequest r) => Task.FromResult(Results.Content(OpenApiJson, "application/json; charset=utf-8"));
}

/// <summary>Checks the admin key of the standalone host (<c>Admin:ApiKey</c>) in constant time.</summary>
public static class AdminKey
{
    /// <summary>Null when allowed; else 401.</summary>
    public static IResult? Check(HttpRequest request, string? configuredKey)
    {
        var presented = request.Headers["x-functions-key"].ToString();
        if (presented.Length == 0)
        {
            presented = request.Query["code"].ToString();
        }

        if (string.IsNullOrEmpty(configuredKey) || presented.Length == 0)
        {
            return Problems.Status(401, "Perlu kunci admin", "Sertakan header x-functions-key atau ?code=.");
        }

        var a = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented));
        var b = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(configuredKey));
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b)
            ? null
            : Problems.Status(401, "Kunci admin salah", "Kunci admin tidak valid.");
    }
}
