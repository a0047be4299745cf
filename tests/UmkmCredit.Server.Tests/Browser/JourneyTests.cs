using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Browser;

/// <summary>
/// The whole journey in Chromium: portal → review link from the pickup directory → approve → three signers
/// sign with their OTPs → the applicant downloads the signed PDF → the dashboard counts it Completed.
/// Screenshots of every page land in artifacts/journey/.
/// </summary>
[Collection(DefaultServerCollection.Name)]
public sealed partial class JourneyTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    private static string Shots
    {
        get
        {
            var path = Path.Combine(RepoPaths.Artifacts, "journey");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    [Fact]
    public async Task Application_goes_from_the_portal_to_a_signed_agreement_in_a_real_browser()
    {
        const string email = "journey@example.id";
        var completedBefore = await CompletedCountAsync();
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var phone = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, AcceptDownloads = true };
            var page = await (await browser.NewContextAsync(phone)).NewPageAsync();

            // 1. portal
            await page.GotoAsync($"{Server.BaseUrl}/api/portal");
            await PortalForm.FillAsync(page, email);
            await page.CheckAsync("[name='consent.dataProcessing']");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "1-portal.png"), FullPage = true });
            await page.ClickAsync("#submit");
            await page.WaitForSelectorAsync("#reference"); // the receipt page after 303
            var applicationId = (await page.TextContentAsync("#application-id"))!.Trim();
            var statusLink = (await page.GetAttributeAsync("#status-link", "href"))!;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "2-submitted.png"), FullPage = true });

            // 2. the reviewer's link from the pickup directory → approve
            var token = await Server.ReviewTokenAsync(applicationId);
            var reviewer = await browser.NewPageAsync();
            await reviewer.GotoAsync($"{Server.BaseUrl}/api/review/{token}");
            await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "3-review.png"), FullPage = true });
            await reviewer.CheckAsync("input[name=decision][value=approve]");
            await reviewer.FillAsync("#recommendations", "Pelatihan pembukuan sederhana\nPendampingan pemasaran daring");
            await reviewer.ClickAsync("#decide");
            await reviewer.ClickAsync("#confirm");
            await reviewer.WaitForSelectorAsync("#recorded");

            // 3. three signers, in order, each with the OTP from their e-mail
            var signers = new[]
            {
                (Email: email, Name: "Siti Aminah"),
                (Email: "kredit.trk@bank.example", Name: "Pimpinan Cabang Tarakan"),
                (Email: "kadis.umkm.trk@kaltaraprov.example", Name: "Kepala Dinas Koperasi dan UKM Tarakan"),
            };
            var step = 4;
            foreach (var (signerEmail, name) in signers)
            {
                // this application's link (other tests of the collection mail the same bank and OPD officials)
                var signUrl = $"{Server.BaseUrl}/api/sign/{await Server.SignTokenAsync(applicationId, signerEmail)}";
                var signer = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
                await signer.GotoAsync(signUrl);
                var otpCount = Server.Outbox.To(signerEmail).Count(m => (m.Subject ?? string.Empty).StartsWith("Kode OTP", StringComparison.Ordinal));
                await signer.ClickAsync("#otp");
                await signer.WaitForSelectorAsync("#otp-status:has-text('sudah dikirim')");
                await Server.Outbox.WaitForAsync(_ => Server.Outbox.To(signerEmail).Count(m => (m.Subject ?? string.Empty).StartsWith("Kode OTP", StringComparison.Ordinal)) > otpCount);
                var code = OtpCode().Match(Server.Outbox.To(signerEmail).Last(m => (m.Subject ?? string.Empty).StartsWith("Kode OTP", StringComparison.Ordinal)).TextBody!).Groups[1].Value;
                await signer.FillAsync("#otp-code", code);
                await signer.FillAsync("#fullName", name);
                await signer.CheckAsync("#consent");
                await signer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"{step++}-sign-{signerEmail.Split('@')[0]}.png"), FullPage = true });
                await signer.ClickAsync("#sign");
                await signer.WaitForSelectorAsync("#recorded");
            }

            // 4. the applicant downloads the signed agreement from the status page link
            var app = new Submitted(applicationId, Uri.UnescapeDataString(statusLink.Split("token=")[1]), default);
            var completed = await Server.WaitForStatusAsync(app, "Completed", TimeSpan.FromSeconds(90));
            var sha = completed.GetProperty("agreement").GetProperty("sha256").GetString();
            var status = await browser.NewPageAsync();
            await status.GotoAsync(statusLink);
            await status.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"{step++}-status.png"), FullPage = true });
            var pdf = await status.APIRequest.GetAsync($"{Server.BaseUrl}/api/applications/{applicationId}/agreement?token={Uri.EscapeDataString(app.Token)}");
            var bytes = await pdf.BodyAsync();
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            Assert.Equal(sha, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            await File.WriteAllBytesAsync(Path.Combine(Shots, "signed.pdf"), bytes);

            // 5. the dashboard counts it
            var dashboard = await browser.NewPageAsync(new BrowserNewPageOptions { ExtraHTTPHeaders = new Dictionary<string, string> { ["x-functions-key"] = ServerInstance.AdminKey } });
            await dashboard.GotoAsync($"{Server.BaseUrl}/api/admin/dashboard");
            await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"{step}-dashboard.png"), FullPage = true });
            Assert.True(await CompletedCountAsync() > completedBefore);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private async Task<int> CompletedCountAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/dashboard");
        request.Headers.Add("x-functions-key", ServerInstance.AdminKey);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await Server.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var match = CompletedCount().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"Kode OTP: (\d{6})")]
    private static partial Regex OtpCode();

    [GeneratedRegex("data-status=\"Completed\" data-count=\"(\\d+)\"")]
    private static partial Regex CompletedCount();
}
