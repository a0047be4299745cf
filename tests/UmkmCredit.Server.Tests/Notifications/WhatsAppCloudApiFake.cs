using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Notifications;

/// <summary>One template message the fake accepted: recipient, template, language and body parameters.</summary>
public sealed record SentWhatsApp(string To, string Template, string Language, IReadOnlyList<string> Parameters, string Body, string MessageId);

/// <summary>
/// TEST DOUBLE of the WhatsApp Business Cloud API's <c>POST /{version}/{phoneNumberId}/messages</c> endpoint: a real
/// Kestrel server on a loopback port. Meta's servers cannot be reached from here (no network, no business account),
/// so this stands in for them. It checks what Meta checks first — the bearer token (401 otherwise), the phone number id
/// in the path (404) and the JSON shape of a template message (400) — answers 200 with
/// <c>{"messages":[{"id":"wamid…"}]}</c> like the real API, and records every accepted message.
/// </summary>
public sealed class WhatsAppCloudApiFake : IAsyncDisposable
{
    /// <summary>The version segment of <see cref="ApiUrl"/>, as in <c>https://graph.facebook.com/v21.0</c>.</summary>
    public const string Version = "v21.0";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SentWhatsApp> _sent = new();
    private readonly ConcurrentQueue<int> _answers = new();

    private WhatsAppCloudApiFake(WebApplication app, string baseUrl, string phoneNumberId, string token)
    {
        _app = app;
        ApiUrl = $"{baseUrl}/{Version}";
        PhoneNumberId = phoneNumberId;
        AccessToken = token;
    }

    /// <summary>The value for <c>Notifications:WhatsApp:ApiUrl</c>.</summary>
    public string ApiUrl { get; }

    /// <summary>The only phone number id the fake knows.</summary>
    public string PhoneNumberId { get; }

    /// <summary>The only token the fake accepts.</summary>
    public string AccessToken { get; }

    /// <summary>Every accepted message, in arrival order.</summary>
    public IReadOnlyList<SentWhatsApp> Sent => _sent.ToList();

    /// <summary>Every status code answered, in order.</summary>
    public IReadOnlyList<int> Answers => _answers.ToList();

    /// <summary>Settings that point the server at this fake.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Notifications:WhatsApp:ApiUrl"] = ApiUrl,
        ["Notifications:WhatsApp:PhoneNumberId"] = PhoneNumberId,
        ["Notifications:WhatsApp:AccessToken"] = AccessToken,
    };

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<WhatsAppCloudApiFake> StartAsync(string phoneNumberId = "106540352242922", string token = "EAAG-test-token-not-a-real-one-0123456789")
    {
        var port = Azurite.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var fake = new WhatsAppCloudApiFake(app, $"http://127.0.0.1:{port}", phoneNumberId, token);
        app.MapPost($"/{Version}/{{phoneNumberId}}/messages", async (string phoneNumberId, HttpContext context) =>
        {
            var status = await fake.HandleAsync(phoneNumberId, context);
            fake._answers.Enqueue(status);
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>Polls until <paramref name="done"/> holds for the accepted messages.</summary>
    public async Task<IReadOnlyList<SentWhatsApp>> WaitForAsync(Func<IReadOnlyList<SentWhatsApp>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var now = Sent;
            if (done(now))
            {
                return now;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the WhatsApp fake did not get what was awaited; got {now.Count}: " + string.Join(" | ", now.Select(s => s.Body)));
            await Task.Delay(200);
        }
    }

    private async Task<int> HandleAsync(string phoneNumberId, HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            return await ErrorAsync(context, StatusCodes.Status401Unauthorized, 190, "Invalid OAuth access token.");
        }

        if (phoneNumberId != PhoneNumberId)
        {
            return await ErrorAsync(context, StatusCodes.Status404NotFound, 100, "Unknown phone number id.");
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var message = Parse(body);
        if (message is null || context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return await ErrorAsync(context, StatusCodes.Status400BadRequest, 100, "Invalid parameter.");
        }

        var id = "wamid.HBgN" + Guid.NewGuid().ToString("N");
        _sent.Enqueue(message with { MessageId = id });
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = message.To, wa_id = message.To } },
            messages = new[] { new { id } },
        });
        return StatusCodes.Status200OK;
    }

    /// <summary>The template message in <paramref name="body"/>, or null when its shape is not one.</summary>
    internal static SentWhatsApp? Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (Text(root, "messaging_product") != "whatsapp" || Text(root, "type") != "template"
                || Text(root, "to") is not { } to || to.Length is < 8 or > 15 || !to.All(char.IsAsciiDigit)
                || !root.TryGetProperty("template", out var template) || template.ValueKind != JsonValueKind.Object
                || Text(template, "name") is not { Length: > 0 } name
                || !template.TryGetProperty("language", out var language) || Text(language, "code") is not { Length: > 0 } code
                || !template.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var parameters = new List<string>();
            foreach (var component in components.EnumerateArray())
            {
                if (Text(component, "type") != "body" || !component.TryGetProperty("parameters", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }

                foreach (var parameter in list.EnumerateArray())
                {
                    // Meta refuses text parameters that are empty or hold new lines or tabs.
                    if (Text(parameter, "type") != "text" || Text(parameter, "text") is not { Length: > 0 } text || text.IndexOfAny(['\n', '\t']) >= 0)
                    {
                        return null;
                    }

                    parameters.Add(text);
                }
            }

            return new SentWhatsApp(to, name, code, parameters, body, string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<int> ErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { message, type = "OAuthException", code } });
        return status;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
