using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace UmkmCredit.Api.Http;

/// <summary>JSON of the HTTP contract: camelCase, enums as strings, timestamps in UTC with <c>Z</c>.</summary>
public static class ApiJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

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

    /// <summary>400 with <c>errors</c> and <c>errorCodes</c> keyed by JSON path.</summary>
    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string[]> codes) =>
        Status(400, "Data tidak valid", "Periksa kembali isian yang ditandai.", new Dictionary<string, object?>
        {
            ["errors"] = errors,
            ["errorCodes"] = codes,
        });

    /// <summary>400 for one field.</summary>
    public static IResult Field(string path, string code, string message) =>
        Validation(new Dictionary<string, string[]> { [path] = [message] }, new Dictionary<string, string[]> { [path] = [code] });

    /// <summary>404 that never says whether the id, the token or both were wrong.</summary>
    public static IResult NotFound() => Status(404, "Tidak ditemukan", "Data tidak ditemukan atau tautan tidak berlaku.");

    /// <summary>401 when credentials are missing.</summary>
    public static IResult Unauthorized() => Status(401, "Perlu autentikasi", "Sertakan token akses Anda (Authorization: Bearer … atau ?token=).");

    /// <summary>409 with a reason.</summary>
    public static IResult Conflict(string detail) => Status(409, "Tidak dapat diproses", detail);

    /// <summary>413.</summary>
    public static IResult TooLarge(string detail) => Status(413, "Data terlalu besar", detail);

    /// <summary>415.</summary>
    public static IResult Unsupported(string detail) => Status(415, "Jenis berkas tidak didukung", detail);

    /// <summary>410.</summary>
    public static IResult Gone(string detail) => Status(410, "Batas waktu terlewati", detail);
}
