using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UmkmCredit.Server.Tests.Engine;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Contract;

/// <summary>API.md "Hardening": security headers, no-store, and problem answers outside the route table.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class HardeningContractTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var page = await Server.Http.GetAsync(new Uri("/api/portal", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Answers_with_a_token_or_personal_data_are_never_cached_and_public_ones_may_be()
    {
        var app = await Server.SubmitAsync(ApiCalls.Json(Samples.Application("headers@example.id")));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        request.Headers.Accept.ParseAdd("application/json");
        using var status = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.True(status.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", status.Headers.GetValues("X-Content-Type-Options").Single());

        using var openapi = await Server.Http.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
        Assert.NotEqual(true, openapi.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task An_unmatched_route_is_a_problem_for_clients_and_a_page_for_browsers()
    {
        using var api = await Server.Http.GetAsync(new Uri("/api/tidak-ada", UriKind.Relative));
        await AssertProblemAsync(api, HttpStatusCode.NotFound);

        var browser = new HttpRequestMessage(HttpMethod.Get, "/api/tidak-ada");
        browser.Headers.Accept.ParseAdd("text/html");
        using var page = await Server.Http.SendAsync(browser);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"id\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_is_405_with_a_problem_body()
    {
        using var response = await Server.Http.DeleteAsync(new Uri("/api/portal", UriKind.Relative));
        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_too_long_url_is_414_with_a_problem_body()
    {
        using var response = await Server.Http.GetAsync(new Uri("/api/portal?x=" + new string('a', 9000), UriKind.Relative));
        await AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong);
    }
}

/// <summary>Storage that does not answer gives 503 + Retry-After (health included), never a 500.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class OutageTests : IAsyncLifetime
{
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Storage_down_is_503_with_retry_after_and_the_same_request_works_when_it_is_back()
    {
        var (blob, queue, table, connection) = FaultProxy.Around(_azurite.ConnectionString);
        await using var _b = blob;
        await using var _q = queue;
        await using var _t = table;
        await using var server = await ServerInstance.StartAsync(connection);
        var app = await server.SubmitAsync(ApiCalls.Json(Samples.Application("outage@example.id")));

        blob.Down = queue.Down = table.Down = true;
        using (var health = await server.Http.GetAsync(new Uri("/api/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.NotNull(health.Headers.RetryAfter);
            Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        request.Headers.Accept.ParseAdd("application/json");
        using (var down = await server.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.NotNull(down.Headers.RetryAfter);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        }

        blob.Down = queue.Down = table.Down = false;
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        again.Headers.Accept.ParseAdd("application/json");
        using var back = await server.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
