using Microsoft.Playwright;
using UmkmCredit.Server.Tests.Browser;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Imports;

/// <summary>
/// The import in the admin console on a phone-sized Chromium: the file chosen in the console's form, then the progress
/// page — reloading itself without script, polling with script — until it shows the result and the refused row.
/// </summary>
[Collection(ImportServerCollection.Name)]
public sealed class ImportPageBrowserTests(ImportServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 6)]
    public async Task Admin_uploads_a_file_and_watches_the_progress_until_the_result(bool script, int batch)
    {
        var rows = Enumerable.Range(1, 3).Select(n => ImportSamples.Row(n, batch)).ToList();
        rows[1][0] = "12345"; // row 2: a NIK that is not one
        var file = ImportSamples.Csv(rows);
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = script, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{Server.BaseUrl}/api/admin");
            await page.FillAsync("#key", ServerInstance.AdminKey);
            await page.ClickAsync("#sign-in-button");
            await page.WaitForURLAsync("**/api/admin/dashboard");
            await page.GotoAsync($"{Server.BaseUrl}/api/admin");
            await page.SetInputFilesAsync("#file", new FilePayload { Name = "acara-tarakan.csv", MimeType = "text/csv", Buffer = file });
            await page.ClickAsync("#import-button");
            await page.WaitForURLAsync("**/api/admin/imports/*");
            Assert.True(await page.IsVisibleAsync("#progress"));

            // no script: the page reloads itself; script: it polls and reloads once complete
            await page.WaitForSelectorAsync("#progress-card[data-status=Completed]", new PageWaitForSelectorOptions { Timeout = 120_000 });
            Assert.Equal("3", await page.GetAttributeAsync("#progress", "value"));
            Assert.Equal("2", await page.TextContentAsync("#accepted"));
            Assert.Equal("1", await page.TextContentAsync("#failed"));
            Assert.Equal("Selesai", await page.TextContentAsync("#import-status"));
            var refused = page.Locator("#row-errors tbody tr");
            Assert.Equal(["2"], await refused.EvaluateAllAsync<string[]>("rows => [...new Set(rows.map(r => r.dataset.row))]"));
            Assert.Contains("applicant.nik", await refused.First.TextContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(ServerInstance.AdminKey, page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
