using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using UmkmCredit.Domain.Webhooks;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.Server.Tests.Admin;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Webhooks;

namespace UmkmCredit.Server.Tests.Webhooks;

/// <summary>
/// Webhooks against real receivers on loopback: one answers 200, one fails three times then succeeds, one is a closed
/// port. The real server, engine and Azurite; retry delays of a second so the schedule runs in seconds.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookFixture fixture)
{
    private static readonly string[] UpToSigning =
    [
        "application.submitted",
        "application.statusChanged:InReview",
        "review.decided",
        "application.statusChanged:Approved",
        "application.statusChanged:AwaitingSignatures",
    ];

    [Fact]
    public async Task Every_receiver_gets_signed_events_in_order_once_and_the_log_shows_attempts_and_status()
    {
        var server = fixture.Server;
        var (app, token) = await server.InReviewAsync();
        using (var decided = await server.DecideAsync(token, new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        var ok = Mine(await fixture.Ok.WaitForAsync(r => Accepted(Mine(r, app.Id)).Count >= UpToSigning.Length), app.Id);
        var flaky = Mine(await fixture.Flaky.WaitForAsync(r => Accepted(Mine(r, app.Id)).Count >= UpToSigning.Length), app.Id);

        foreach (var received in ok.Concat(flaky))
        {
            AssertSigned(received);
        }

        // Order and no duplicates: the accepted requests are exactly the events in the order they happened.
        Assert.Equal(UpToSigning, Accepted(ok).Select(Describe));
        Assert.Equal(UpToSigning, Accepted(flaky).Select(Describe));
        Assert.Equal(Accepted(ok).Select(r => r.EventId), Accepted(flaky).Select(r => r.EventId)); // one id per event, whoever receives it
        Assert.Equal(ok.Count, ok.Select(r => r.EventId).Distinct().Count());

        // The flaky receiver's first three answers were failures, all for the first event, re-sent with the same id.
        Assert.Equal([500, 503, 502], flaky.Take(3).Select(r => r.Answered));
        Assert.Single(flaky.Select(r => r.EventId).Take(4).Distinct());

        // The delivery log: one row per event and subscriber, with attempts and status.
        var detail = await WaitDetailAsync(server, app.Id, d => Deliveries(d, fixture.DownUrl).FirstOrDefault().GetProperty("status").GetString() == "Failed");
        var okRows = Deliveries(detail, fixture.Ok.Url);
        Assert.Equal(UpToSigning.Length, okRows.Count);
        Assert.All(okRows, r => Assert.Equal(("Delivered", 1), (r.GetProperty("status").GetString(), r.GetProperty("attempts").GetInt32())));
        var flakyRows = Deliveries(detail, fixture.Flaky.Url);
        Assert.Equal(4, flakyRows[0].GetProperty("attempts").GetInt32());
        Assert.All(flakyRows, r => Assert.Equal("Delivered", r.GetProperty("status").GetString()));
        var down = Deliveries(detail, fixture.DownUrl)[0];
        Assert.True(down.GetProperty("attempts").GetInt32() >= 2, down.ToString());
        Assert.Contains("connection", down.GetProperty("lastResult").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            okRows.Select(r => r.GetProperty("type").GetString()),
            UpToSigning.Select(t => t.Split(':')[0]));
    }

    [Fact]
    public async Task Redelivery_sends_the_same_event_id_again_and_unknown_ids_are_404()
    {
        var server = fixture.Server;
        var (app, _) = await server.InReviewAsync();
        var first = Mine(await fixture.Ok.WaitForAsync(r => Mine(r, app.Id).Count >= 2), app.Id);
        var detail = await WaitDetailAsync(server, app.Id, d => Deliveries(d, fixture.Ok.Url).Count >= 2
            && Deliveries(d, fixture.Ok.Url).All(r => r.GetProperty("status").GetString() == "Delivered"));
        var submitted = Deliveries(detail, fixture.Ok.Url)[0];

        using (var again = await server.AdminPostAsync($"/api/admin/webhooks/{submitted.GetProperty("id").GetString()}/redeliver", new { }))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        var after = Mine(await fixture.Ok.WaitForAsync(r => Mine(r, app.Id).Count(x => x.EventId == first[0].EventId) == 2), app.Id);
        var resent = after.Last(x => x.EventId == first[0].EventId);
        AssertSigned(resent);
        Assert.Equal(first[0].Body, resent.Body);
        await WaitDetailAsync(server, app.Id, d => Deliveries(d, fixture.Ok.Url)[0].GetProperty("attempts").GetInt32() == 2);

        foreach (var unknown in new[] { $"{app.Id}-000099-{WebhookEventId.SubscriberKey(fixture.Ok.Url)}", "nope", "a-b-c" })
        {
            using var missing = await server.AdminPostAsync($"/api/admin/webhooks/{unknown}/redeliver", new { });
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }

        using var anonymous = await server.Http.PostAsync(new Uri($"/api/admin/webhooks/{submitted.GetProperty("id").GetString()}/redeliver", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Erasing_an_application_stops_its_deliveries_and_deletes_its_log_and_nothing_else()
    {
        var server = fixture.Server;
        var (app, _) = await server.InReviewAsync();
        var (other, _) = await server.InReviewAsync();
        await fixture.Ok.WaitForAsync(r => Mine(r, app.Id).Count >= 2 && Mine(r, other.Id).Count >= 2);
        using (var withdrawn = await SendAsync(server, $"/api/applications/{app.Id}/withdraw", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        }

        var durable = server.Get<DurableTaskClient>();
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await durable.WaitForInstanceCompletionAsync(app.Id, limit.Token);
        }

        var log = server.Get<IWebhookLog>();
        await WaitDetailAsync(server, app.Id, d => Deliveries(d, fixture.Ok.Url).Count >= 3); // submitted, InReview, Withdrawn
        var keys = new[] { fixture.Ok.Url, fixture.Flaky.Url, fixture.DownUrl }.Select(WebhookEventId.SubscriberKey).ToList();
        var down = await durable.GetInstanceAsync(WebhookDispatch.InstanceId(app.Id, keys[2]));
        Assert.False(down!.IsCompleted); // still retrying the closed port: a running delivery to stop

        using (var erased = await SendAsync(server, $"/api/applications/{app.Id}/erase", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        }

        Assert.Empty(await log.ListAsync(app.Id));
        var table = server.Get<StorageClients>().Table(StorageNames.WebhookTable);
        var left = new List<string>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {app.Id}")))
        {
            left.Add(row.RowKey);
        }

        Assert.Empty(left); // no body, no event marker, no counter
        foreach (var key in keys)
        {
            Assert.Null(await durable.GetInstanceAsync(WebhookDispatch.InstanceId(app.Id, key)));
        }

        Assert.NotEmpty(await log.ListAsync(other.Id));
        Assert.False((await durable.GetInstanceAsync(WebhookDispatch.InstanceId(other.Id, keys[0])))!.IsCompleted);
    }

    private static Task<HttpResponseMessage> SendAsync(ServerInstance server, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return server.Http.SendAsync(request);
    }

    internal static void AssertSigned(ReceivedWebhook received, string secret = WebhookFixture.Secret)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.True(WebhookSignature.Verify(secret, received.Timestamp, received.Body, received.Signature, now, TimeSpan.FromMinutes(5)),
            $"bad signature {received.Signature} for t={received.Timestamp}");
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(received.EventId, body.RootElement.GetProperty("id").GetString());
        Assert.True(body.RootElement.TryGetProperty("occurredAt", out _));
        Assert.True(body.RootElement.TryGetProperty("data", out _));
    }

    internal static List<ReceivedWebhook> Mine(IReadOnlyList<ReceivedWebhook> all, string applicationId) =>
        all.Where(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("applicationId").GetString() == applicationId).ToList();

    internal static List<ReceivedWebhook> Accepted(IReadOnlyList<ReceivedWebhook> all) => all.Where(r => r.Answered is >= 200 and < 300).ToList();

    internal static string Describe(ReceivedWebhook r)
    {
        var root = JsonDocument.Parse(r.Body).RootElement;
        var type = root.GetProperty("type").GetString()!;
        return type == "application.statusChanged" ? type + ":" + root.GetProperty("data").GetProperty("to").GetString() : type;
    }

    internal static List<JsonElement> Deliveries(JsonElement detail, string url) =>
        detail.GetProperty("webhookDeliveries").EnumerateArray().Where(d => d.GetProperty("url").GetString() == url).ToList();

    internal static async Task<JsonElement> WaitDetailAsync(ServerInstance server, string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var detail = await server.AdminJsonAsync($"/api/admin/applications/{id}");
            if (done(detail))
            {
                return detail;
            }

            Assert.True(DateTime.UtcNow < deadline, "the delivery log did not reach the awaited state: " + detail.GetProperty("webhookDeliveries"));
            await Task.Delay(250);
        }
    }
}

/// <summary>Azurite, three receivers and a server subscribed to all of them.</summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    /// <summary>Every subscriber's secret.</summary>
    public const string Secret = "whsec-loopback-0123456789abcdef";

    private Azurite? _azurite;

    public ServerInstance Server { get; private set; } = null!;

    public LoopbackReceiver Ok { get; private set; } = null!;

    public LoopbackReceiver Flaky { get; private set; } = null!;

    private readonly System.Net.Sockets.Socket _downPort;

    public WebhookFixture() => DownUrl = LoopbackReceiver.DownUrl(out _downPort);

    public string DownUrl { get; }

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Ok = await LoopbackReceiver.StartAsync(_ => HttpStatusCode.OK);
        // Fails the first three requests of each application, then succeeds.
        var failures = new[] { HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway };
        var perApplication = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Flaky = await LoopbackReceiver.StartAsync(body =>
        {
            var n = perApplication.AddOrUpdate(JsonDocument.Parse(body).RootElement.GetProperty("applicationId").GetString()!, 1, (_, c) => c + 1);
            return n <= failures.Length ? failures[n - 1] : HttpStatusCode.NoContent;
        });
        // Half a minute of retries a second apart: ample for the flaky receiver's three failures on a busy machine, and the
        // closed port is given up (Failed) within the test.
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString, Settings([Ok.Url, Flaky.Url, DownUrl], "00:00:30"));
    }

    /// <summary>Subscribers with <see cref="Secret"/> and retries one second apart.</summary>
    public static Dictionary<string, string?> Settings(string[] urls, string giveUpAfter)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:FirstRetryDelay"] = "00:00:01",
            ["Webhooks:MaxRetryDelay"] = "00:00:01",
            ["Webhooks:GiveUpAfter"] = giveUpAfter,
            ["Webhooks:Timeout"] = "00:00:05",
        };
        for (var i = 0; i < urls.Length; i++)
        {
            settings[$"Webhooks:Subscribers:{i}:Url"] = urls[i];
            settings[$"Webhooks:Subscribers:{i}:Secret"] = Secret;
        }

        return settings;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _downPort.Dispose();
        await Ok.DisposeAsync();
        await Flaky.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

/// <summary>Tests sharing <see cref="WebhookFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookFixture>
{
    /// <summary>Name.</summary>
    public const string Name = "webhooks";
}
