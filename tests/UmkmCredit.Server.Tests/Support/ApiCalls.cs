using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Support;

/// <summary>A submitted application as a test sees it.</summary>
public sealed record Submitted(string Id, string Token, JsonElement Body);

/// <summary>HTTP helpers over the contract.</summary>
public static class ApiCalls
{
    /// <summary>Submits and expects 202.</summary>
    public static async Task<Submitted> SubmitAsync(this ServerInstance server, HttpContent content, string? idempotencyKey = null)
    {
        using var response = await server.PostAsync("/api/applications", content, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        return new Submitted(body.GetProperty("applicationId").GetString()!, body.GetProperty("accessToken").GetString()!, body);
    }

    /// <summary>POST with an optional Idempotency-Key.</summary>
    public static Task<HttpResponseMessage> PostAsync(this ServerInstance server, string path, HttpContent content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return server.Http.SendAsync(request);
    }

    /// <summary>JSON content.</summary>
    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>GET the applicant's status.</summary>
    public static async Task<JsonElement> StatusAsync(this ServerInstance server, Submitted app)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls the status until it equals <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this ServerInstance server, Submitted app, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var body = await server.StatusAsync(app);
            var current = body.GetProperty("status").GetString();
            if (current == status)
            {
                return body;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"status stayed {current}, expected {status}: {body}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Reads a problem answer and checks its media type.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>POSTs a review decision as JSON.</summary>
    public static Task<HttpResponseMessage> DecideAsync(this ServerInstance server, string token, object decision) =>
        server.Http.PostAsJsonAsync($"/api/review/{token}", decision);

    /// <summary>Waits for the review link sent to the reviewer of Tarakan and returns its token.</summary>
    public static async Task<string> ReviewTokenAsync(this ServerInstance server, string applicationId, string reviewerEmail = "analis.umkm.trk@kaltaraprov.example", int skip = 0)
    {
        var message = await server.Outbox.WaitForAsync(m =>
            m.To.Mailboxes.Any(b => b.Address == reviewerEmail) && (m.Subject ?? string.Empty).Contains(applicationId, StringComparison.Ordinal)
            && server.Outbox.To(reviewerEmail).Count(x => (x.Subject ?? string.Empty).Contains(applicationId, StringComparison.Ordinal)) > skip);
        var all = server.Outbox.To(reviewerEmail).Where(x => (x.Subject ?? string.Empty).Contains(applicationId, StringComparison.Ordinal)).ToList();
        return Outbox.ReviewToken(all[skip]);
    }
}
