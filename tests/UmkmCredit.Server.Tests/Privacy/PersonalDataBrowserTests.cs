using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using UmkmCredit.Server.Tests.Browser;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Privacy;

/// <summary>"Unduh data saya" and "Hapus data saya" on the status page, on a 390×844 phone in Chromium, script off and on.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class PersonalDataBrowserTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Applicant_downloads_their_data_then_erases_it_after_a_confirmation_step(bool script)
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission($"pdp-page-{script}@example.id"));
        await Server.WaitForStatusAsync(app, "InReview");
        using (var withdraw = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw"))
        {
            withdraw.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
            using var response = await Server.Http.SendAsync(withdraw);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "Withdrawn");
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 }, JavaScriptEnabled = script, AcceptDownloads = true, IsMobile = true, HasTouch = true,
            });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{Server.BaseUrl}/api/applications/{app.Id}?token={Uri.EscapeDataString(app.Token)}");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-link"));
            Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
            using (var zip = ZipFile.OpenRead((await download.PathAsync())!))
            {
                Assert.Contains(zip.Entries, e => e.FullName == "permohonan.json");
                Assert.Contains(zip.Entries, e => e.FullName.StartsWith("dokumen/ktp.", StringComparison.Ordinal));
            }

            await page.ClickAsync("#erase");
            await page.WaitForSelectorAsync("#confirm-erase");
            Assert.Equal("Withdrawn", (await Server.StatusAsync(app)).GetProperty("status").GetString()); // nothing erased before the confirmation
            await page.ClickAsync("#confirm-erase");
            // wait for what the applicant must see, not for the "load" event: after the export download a frame's
            // load state was once never reported (CI, script on), though the page had arrived
            await page.WaitForURLAsync(url => url.Contains("notice=erased", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await page.GetByText("sudah dihapus").First.WaitForAsync();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }

        using var status = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
        status.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var gone = await Server.Http.SendAsync(status);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }
}
