using System.Net;
using UmkmCredit.Server.Tests.Admin;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Webhooks;

/// <summary>
/// A receiver that is down while the server tries; the server stops between attempts; a new server process on the same
/// Azurite task hub starts, the receiver comes up, and the pending deliveries go out in order from the durable log.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task Delivery_resumes_in_order_after_the_server_restarts()
    {
        await using var azurite = await Azurite.StartAsync();
        var port = Azurite.FreePort();
        var url = $"http://127.0.0.1:{port}/hook";
        var settings = WebhookFixture.Settings([url], "00:10:00");
        settings["Durable:TaskHub"] = "hooks" + Guid.NewGuid().ToString("N")[..10];
        settings["Durable:WorkerId"] = "webhook-restart-worker";

        string applicationId;
        await using (var first = await ServerInstance.StartAsync(azurite.ConnectionString, settings))
        {
            var (app, _) = await first.InReviewAsync();
            applicationId = app.Id;
            await WebhookDeliveryTests.WaitDetailAsync(first, app.Id, d =>
                WebhookDeliveryTests.Deliveries(d, url) is { Count: 2 } rows && rows[0].GetProperty("attempts").GetInt32() >= 2);
        }

        await using var receiver = await LoopbackReceiver.StartAsync(_ => HttpStatusCode.OK, port);
        await using var second = await ServerInstance.StartAsync(azurite.ConnectionString, settings);

        var received = WebhookDeliveryTests.Mine(await receiver.WaitForAsync(r => WebhookDeliveryTests.Mine(r, applicationId).Count >= 2), applicationId);
        Assert.Equal(["application.submitted", "application.statusChanged:InReview"], received.Select(WebhookDeliveryTests.Describe));
        Assert.All(received, r => WebhookDeliveryTests.AssertSigned(r));
        var detail = await WebhookDeliveryTests.WaitDetailAsync(second, applicationId, d =>
            WebhookDeliveryTests.Deliveries(d, url).All(r => r.GetProperty("status").GetString() == "Delivered"));
        Assert.True(WebhookDeliveryTests.Deliveries(detail, url)[0].GetProperty("attempts").GetInt32() >= 3);
    }
}
