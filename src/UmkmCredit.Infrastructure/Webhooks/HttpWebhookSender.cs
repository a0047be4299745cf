using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using UmkmCredit.Workflow.Webhooks;

namespace UmkmCredit.Infrastructure.Webhooks;

/// <summary>POSTs webhooks through the named <see cref="IHttpClientFactory"/> client <see cref="ClientName"/> (timeout <c>Webhooks:Timeout</c>, no redirects).</summary>
public sealed class HttpWebhookSender(IHttpClientFactory factory) : IWebhookSender
{
    /// <summary>Name of the HTTP client.</summary>
    public const string ClientName = "webhooks";

    /// <inheritdoc />
    public async Task<WebhookSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            var client = factory.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return new(response.IsSuccessStatusCode, "HTTP " + code);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, "timeout");
        }
        catch (HttpRequestException ex)
        {
            return new(false, "connection failed: " + (ex.HttpRequestError.ToString()));
        }
    }
}
