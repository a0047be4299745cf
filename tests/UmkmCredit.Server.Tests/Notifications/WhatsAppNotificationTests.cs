using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Infrastructure.Notifications;
using UmkmCredit.Server.Tests.Browser;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Server.Tests.Notifications;

/// <summary>
/// WhatsApp status messages against <see cref="WhatsAppCloudApiFake"/> (the test double of Meta's messages endpoint):
/// the real server, engine and Azurite; a second server points at a closed port.
/// </summary>
[Collection(WhatsAppCollection.Name)]
public sealed class WhatsAppNotificationTests(WhatsAppFixture fixture)
{
    [Fact]
    public async Task Opted_in_applicant_gets_each_status_by_whatsapp_with_reference_and_status_link_after_the_email()
    {
        var server = fixture.Server;
        var (local, e164) = UniquePhone();
        var app = await SubmitAndWithdrawAsync(server, local, whatsapp: true);

        var stored = (await server.Get<IApplicationRepository>().GetAsync(app.Id))!;
        Assert.True(stored.Application.WhatsAppConsent);
        Assert.StartsWith("UMKM-", stored.Reference, StringComparison.Ordinal);
        var audit = await server.Get<IAuditTrail>().ReadAsync(app.Id);
        var statuses = audit.Where(e => e.Event.StartsWith("status.", StringComparison.Ordinal)).ToList();
        Assert.Contains(statuses, e => e.Event == "status.Withdrawn");

        // One message per recorded status change, in order, to the E.164 digits of the number typed with spaces and dashes.
        var sent = (await fixture.Fake.WaitForAsync(s => s.Count(m => m.To == e164) >= statuses.Count)).Where(m => m.To == e164).ToList();
        Assert.Equal(statuses.Count, sent.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            var status = Enum.Parse<ApplicationStatus>(statuses[i].Event["status.".Length..]);
            Assert.Equal("status_permohonan", sent[i].Template);
            Assert.Equal("id", sent[i].Language);
            Assert.Equal(4, sent[i].Parameters.Count);
            Assert.Equal("Siti Aminah", sent[i].Parameters[0]);
            Assert.Equal(stored.Reference, sent[i].Parameters[1]);
            Assert.Equal(StatusLabels.Of(status), sent[i].Parameters[2]);
            Assert.StartsWith($"{server.BaseUrl}/api/applications/{app.Id}?token=", sent[i].Parameters[3], StringComparison.Ordinal);
            Assert.DoesNotContain(stored.Application.Applicant.Nik, sent[i].Body, StringComparison.Ordinal);
        }

        // The link in the message opens the applicant's status.
        using (var opened = await server.Http.GetAsync(new Uri(sent[^1].Parameters[3])))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        // The e-mails went out as before, and the audit shows the opt-in (masked number, its time) and each send.
        await server.Outbox.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal)
            && (m.Subject ?? string.Empty).Contains(StatusLabels.Of(ApplicationStatus.Withdrawn), StringComparison.Ordinal));
        var consent = Assert.Single(audit, e => e.Event == "consent.whatsapp");
        Assert.Equal(audit.Single(e => e.Event == "application.submitted").AtUtc, consent.AtUtc);
        Assert.Contains(e164[..5] + "****" + e164[^4..], consent.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(e164, consent.Detail, StringComparison.Ordinal);
        Assert.Equal(statuses.Count, audit.Count(e => e.Event == "notification.whatsappSent"));
        Assert.DoesNotContain(audit, e => e.Event == "notification.whatsappFailed");
        Assert.All(audit, e => Assert.DoesNotContain(e164, e.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Applicant_who_did_not_opt_in_gets_no_whatsapp_message()
    {
        var server = fixture.Server;
        var (local, e164) = UniquePhone();
        var app = await SubmitAndWithdrawAsync(server, local, whatsapp: false);

        // The orchestration has finished: every status change (and its e-mail) is done.
        await server.Outbox.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal)
            && (m.Subject ?? string.Empty).Contains(StatusLabels.Of(ApplicationStatus.Withdrawn), StringComparison.Ordinal));
        Assert.False((await server.Get<IApplicationRepository>().GetAsync(app.Id))!.Application.WhatsAppConsent);
        Assert.DoesNotContain(fixture.Fake.Sent, m => m.To == e164);
        var audit = await server.Get<IAuditTrail>().ReadAsync(app.Id);
        Assert.Contains(audit, e => e.Event == "status.Withdrawn");
        Assert.DoesNotContain(audit, e => e.Event.Contains("whatsapp", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cloud_api_down_still_lets_the_workflow_and_the_email_go_on_and_the_audit_records_the_failure()
    {
        var server = fixture.DownServer;
        var (local, _) = UniquePhone();
        var app = await SubmitAndWithdrawAsync(server, local, whatsapp: true);

        var status = await server.StatusAsync(app);
        Assert.Equal("Withdrawn", status.GetProperty("status").GetString());
        await server.Outbox.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal)
            && (m.Subject ?? string.Empty).Contains(StatusLabels.Of(ApplicationStatus.Withdrawn), StringComparison.Ordinal));
        var audit = await server.Get<IAuditTrail>().ReadAsync(app.Id);
        var statuses = audit.Count(e => e.Event.StartsWith("status.", StringComparison.Ordinal));
        var failed = audit.Where(e => e.Event == "notification.whatsappFailed").ToList();
        Assert.Equal(statuses, failed.Count);
        Assert.All(failed, e => Assert.Contains("connection failed", e.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Event == "notification.whatsappSent");
        // One e-mail per status change: a failed WhatsApp send did not make the step run (and mail) again.
        Assert.Equal(statuses, server.Outbox.All().Count(m => (m.Subject ?? string.Empty).StartsWith("Status permohonan", StringComparison.Ordinal)
            && (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sender_gets_the_message_id_and_the_fake_refuses_a_wrong_token_and_a_bad_shape()
    {
        var fake = fixture.Fake;
        var factory = fixture.Server.Get<IHttpClientFactory>();
        var message = new WhatsAppTemplateMessage("6281200000001", "status_permohonan", "id", ["Siti", "UMKM-6571-2026-000001", "Diajukan", "http://x/y"]);
        var good = new CloudApiWhatsAppSender(factory, fixture.Server.Get<IOptions<WhatsAppOptions>>());
        var sent = await good.SendAsync(message);
        Assert.True(sent.Sent, sent.Result);
        Assert.StartsWith("wamid.", sent.MessageId, StringComparison.Ordinal);
        Assert.Contains(fake.Sent, m => m.MessageId == sent.MessageId && m.To == "6281200000001");

        var wrong = new CloudApiWhatsAppSender(factory, Options.Create(new WhatsAppOptions { ApiUrl = fake.ApiUrl, PhoneNumberId = fake.PhoneNumberId, AccessToken = "EAAG-stolen-or-expired" }));
        var refused = await wrong.SendAsync(message with { To = "6281200000002" });
        Assert.Equal((false, "HTTP 401"), (refused.Sent, refused.Result));

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{fake.ApiUrl}/{fake.PhoneNumberId}/messages")
        {
            Content = new StringContent("""{"messaging_product":"whatsapp","to":"6281200000003","type":"text","text":{"body":"NIK 6571015508900003"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fake.AccessToken);
        using var bad = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.DoesNotContain(fake.Sent, m => m.To is "6281200000002" or "6281200000003");
    }

    [Fact]
    public void Partial_configuration_fails_validation_without_echoing_the_token()
    {
        var validator = new WhatsAppOptionsValidator();
        const string token = "EAAG-secret-token-value";

        var partial = validator.Validate(null, new WhatsAppOptions { ApiUrl = "https://graph.facebook.com/v21.0", AccessToken = token });
        Assert.True(partial.Failed);
        Assert.Contains("Notifications:WhatsApp:PhoneNumberId", partial.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, partial.FailureMessage, StringComparison.Ordinal);

        Assert.True(validator.Validate(null, new WhatsAppOptions { ApiUrl = "graph.facebook.com", PhoneNumberId = "1065", AccessToken = token }).Failed);
        Assert.True(validator.Validate(null, new WhatsAppOptions { ApiUrl = "https://graph.facebook.com/v21.0", PhoneNumberId = "10/65", AccessToken = token }).Failed);
        Assert.True(validator.Validate(null, new WhatsAppOptions { ApiUrl = "https://graph.facebook.com/v21.0", PhoneNumberId = "1065", AccessToken = token, StatusTemplate = "Status Permohonan" }).Failed);
        Assert.True(validator.Validate(null, new WhatsAppOptions { ApiUrl = "https://graph.facebook.com/v21.0", PhoneNumberId = "1065", AccessToken = token }).Succeeded);
        Assert.True(validator.Validate(null, new WhatsAppOptions()).Succeeded);
        Assert.False(new WhatsAppOptions().Enabled);
    }

    [Fact]
    public void Host_refuses_to_start_with_a_partial_whatsapp_configuration()
    {
        const string token = "EAAG-secret-token-value";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server"),
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:SigningKey"] = "test-signing-key-0123456789abcdef0123456789",
            ["Admin:ApiKey"] = ServerInstance.AdminKey,
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Notifications:AllowPickupDirectory"] = "true",
            ["Notifications:WhatsApp:ApiUrl"] = "https://graph.facebook.com/v21.0",
            ["Notifications:WhatsApp:AccessToken"] = token,
        });
        builder.AddUmkmCreditServer();
        using var app = builder.Build();

        // What the host runs first on start (ValidateOnStart), before any hosted service or port.
        var refused = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Notifications:WhatsApp:PhoneNumberId", refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_asks_with_an_unticked_box_and_a_ticked_box_brings_whatsapp_messages()
    {
        var server = fixture.Server;
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 }, JavaScriptEnabled = false, IsMobile = true, HasTouch = true,
            });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{server.BaseUrl}/api/portal");
            var box = page.Locator("input[type='checkbox'][name='consent.whatsapp']");
            Assert.False(await box.IsCheckedAsync());
            var label = (await page.Locator("label:has(input[name='consent.whatsapp'])").TextContentAsync())!;
            Assert.Contains("WhatsApp", label, StringComparison.Ordinal);
            Assert.Contains("nomor HP", label, StringComparison.Ordinal);

            await PortalForm.FillAsync(page, "wa-portal@example.id");
            var (local, e164) = UniquePhone();
            await page.FillAsync("[name='applicant.phone']", local);
            await page.CheckAsync("[name='consent.dataProcessing']");
            await box.CheckAsync();
            await page.ClickAsync("#submit");
            await page.WaitForSelectorAsync("#reference");
            var reference = (await page.TextContentAsync("#reference"))!.Trim();

            var sent = await fixture.Fake.WaitForAsync(s => s.Any(m => m.To == e164));
            Assert.Equal(reference, sent.First(m => m.To == e164).Parameters[1]);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>A number typed the way people type it, and its E.164 digits.</summary>
    private static (string Local, string E164) UniquePhone()
    {
        var rest = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ($"0813-{rest[..4]} {rest[4..]}", "62813" + rest);
    }

    /// <summary>Submits without documents (AwaitingDocuments), withdraws, and waits until the orchestration has finished.</summary>
    private static async Task<Submitted> SubmitAndWithdrawAsync(ServerInstance server, string phone, bool whatsapp)
    {
        var body = Samples.Application(nik: Samples.UniqueNik());
        body["applicant"]!["phone"] = phone;
        if (whatsapp)
        {
            body["consent"]!["whatsapp"] = true;
        }

        var app = await server.SubmitAsync(ApiCalls.Json(body));
        await server.WaitForStatusAsync(app, "AwaitingDocuments");
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
            using var response = await server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var client = server.Get<DurableTaskClient>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await client.GetInstanceAsync(app.Id))?.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the orchestration of {app.Id} did not finish");
            await Task.Delay(200);
        }

        return app;
    }
}

/// <summary>Azurite, the Cloud API fake, a server that uses it and a server whose Cloud API is a closed port.</summary>
public sealed class WhatsAppFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public WhatsAppCloudApiFake Fake { get; private set; } = null!;

    public ServerInstance Server { get; private set; } = null!;

    public ServerInstance DownServer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Fake = await WhatsAppCloudApiFake.StartAsync();
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString, Fake.Settings());
        var down = Fake.Settings();
        down["Notifications:WhatsApp:ApiUrl"] = $"http://127.0.0.1:{Azurite.FreePort()}/{WhatsAppCloudApiFake.Version}";
        down["Notifications:WhatsApp:Timeout"] = "00:00:05";
        DownServer = await ServerInstance.StartAsync(_azurite.ConnectionString, down);
    }

    public async Task DisposeAsync()
    {
        await DownServer.DisposeAsync();
        await Server.DisposeAsync();
        await Fake.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

/// <summary>Collection of <see cref="WhatsAppNotificationTests"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WhatsAppCollection : ICollectionFixture<WhatsAppFixture>
{
    public const string Name = "whatsapp";
}
