using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Http;

/// <summary>JSON of the HTTP contract: camelCase, enums as strings, timestamps in UTC with <c>Z</c>.</summary>
public static class ApiJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// The options for binding a client's body: numbers must be JSON numbers (<c>"amount":"50000000"</c> is a type
    /// error) and a repeated key is refused instead of silently taking the last.
    /// </summary>
    public static JsonSerializerOptions Strict { get; } = new(Options)
    {
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
    };

    /// <summary>Document options that refuse repeated keys.</summary>
    public static JsonDocumentOptions NoDuplicates { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// Checks a body that is valid JSON for repeated keys in any object: null when there are none, else the
    /// problem (400 <c>json.duplicateKey</c>).
    /// </summary>
    public static UmkmCredit.Workflow.UseCases.Failure? DuplicateKeys(ReadOnlyMemory<byte> json)
    {
        try
        {
            using (JsonDocument.Parse(json, NoDuplicates))
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return UmkmCredit.Workflow.UseCases.Failure.Field("$", "json.duplicateKey", "Data JSON memuat nama isian yang sama lebih dari sekali.");
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(), new UtcDateTimeConverter() },
        };
        return options;
    }

    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue((value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}

/// <summary>RFC 9457 problem answers (<c>application/problem+json</c>) in Indonesian.</summary>
public static class Problems
{
    /// <summary>Content type of problems.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>A problem with a status, title and detail.</summary>
    public static IResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://umkmcredit.kaltaraprov.go.id/problems/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                body[key] = value;
            }
        }

        return Results.Json(body, ApiJson.Options, ContentType, status);
    }

    /// <summary>The problem answer of a command's failure (status code from <see cref="Answers.StatusCode"/>).</summary>
    public static IResult From(Failure failure)
    {
        Dictionary<string, object?>? extensions = null;
        if (failure.Errors is { Count: > 0 } errors)
        {
            extensions = new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                ["errorCodes"] = errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray(), StringComparer.Ordinal),
            };
        }

        return RetryAfter.Add(Status(Answers.StatusCode(failure.Kind), failure.Title, failure.Detail, extensions), failure.RetryAfter);
    }
}

/// <summary>The <c>Retry-After</c> header (whole seconds, at least 1) on an answer.</summary>
public static class RetryAfter
{
    /// <summary>The header value for a wait.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="inner"/> with <c>Retry-After</c> when <paramref name="wait"/> is set.</summary>
    public static IResult Add(IResult inner, TimeSpan? wait) => wait is { } w ? new WithRetryAfter(inner, Seconds(w)) : inner;

    private sealed class WithRetryAfter(IResult inner, string seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
