using Microsoft.Playwright;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Browser;

/// <summary>Real Chromium (Debian's, driven by Playwright) on the real server.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class ReviewBrowserTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    internal static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(executable), $"Chromium not found at {executable} (scripts/test.sh installs Debian's chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task Reviewer_opens_the_link_on_a_phone_and_approves()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission());
        await Server.WaitForStatusAsync(app, "InReview");
        var token = await Server.ReviewTokenAsync(app.Id);
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            await page.GotoAsync($"{Server.BaseUrl}/api/review/{token}");
            Assert.Contains("Penilaian permohonan", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.True(await page.GetByText("Amplang Bu Siti").IsVisibleAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "review-page.png"), FullPage = true });

            await page.CheckAsync("input[name=decision][value=approve]");
            await page.FillAsync("#recommendations", "Pelatihan pembukuan sederhana");
            await page.ClickAsync("#decide");
            await page.WaitForSelectorAsync("#confirm-step");
            await page.ClickAsync("#confirm");
            await page.WaitForSelectorAsync("#recorded");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "review-recorded.png") });

            var status = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
            Assert.Equal("Pelatihan pembukuan sederhana", status.GetProperty("review").GetProperty("recommendations")[0].GetString());
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task Applicant_submits_the_portal_form_with_documents_and_gets_a_status_link()
    {
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            await page.GotoAsync($"{Server.BaseUrl}/api/portal");
            await PortalForm.FillAsync(page, "portal@example.id");

            // first without consent: the error is shown next to the field
            await page.ClickAsync("#submit");
            await page.WaitForSelectorAsync("[data-error='consent.dataProcessing']:not(:empty)");
            await page.CheckAsync("[name='consent.dataProcessing']");
            await page.ClickAsync("#submit");
            await page.WaitForSelectorAsync("#reference"); // the receipt page after 303
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "portal-done.png"), FullPage = true });
            var link = await page.GetAttributeAsync("#status-link", "href");
            Assert.Contains("/api/applications/", link, StringComparison.Ordinal);

            var statusPage = await browser.NewPageAsync();
            await statusPage.GotoAsync(link!);
            await statusPage.WaitForSelectorAsync("[data-status]");
            Assert.Contains("Status permohonan", await statusPage.TitleAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
