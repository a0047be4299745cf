using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Notifications;

/// <summary>
/// Template messages through the WhatsApp Business Cloud API: <c>POST {ApiUrl}/{PhoneNumberId}/messages</c> with the bearer
/// token, through the named <see cref="IHttpClientFactory"/> client <see cref="ClientName"/> (timeout
/// <c>Notifications:WhatsApp:Timeout</c>, no redirects). Failures come back as a result; the token never appears in one.
/// </summary>
public sealed class CloudApiWhatsAppSender(IHttpClientFactory factory, IOptions<WhatsAppOptions> options) : IWhatsAppSender
{
    /// <summary>Name of the HTTP client.</summary>
    public const string ClientName = "whatsapp";

    /// <summary>The request body of one template message (Cloud API shape).</summary>
    public static JsonObject Body(WhatsAppTemplateMessage message) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = message.To,
        ["type"] = "template",
        ["template"] = new JsonObject
        {
            ["name"] = message.Template,
            ["language"] = new JsonObject { ["code"] = message.Language },
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray(message.BodyParameters
                    .Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray()),
            }),
        },
    };

    /// <inheritdoc />
    public async Task<WhatsAppSendResult> SendAsync(WhatsAppTemplateMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return new(false, "not configured");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.MessagesUri)
        {
            Content = JsonContent.Create(Body(message)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        try
        {
            var client = factory.CreateClient(ClientName);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var code = "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (!response.IsSuccessStatusCode)
            {
                return new(false, code);
            }

            return new(true, code, await MessageIdAsync(response, cancellationToken).ConfigureAwait(false));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, "timeout");
        }
        catch (HttpRequestException ex)
        {
            return new(false, "connection failed: " + ex.HttpRequestError);
        }
    }

    private static async Task<string?> MessageIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return json.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
                && messages[0].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
