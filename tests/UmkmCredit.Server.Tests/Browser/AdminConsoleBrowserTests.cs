using System.Net;
using Microsoft.Playwright;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Browser;

/// <summary>
/// The admin console in Chromium with script off: sign in with the key (never in a URL), filter the list, open a
/// detail, reassign only after confirming, cancel with a reason, a cookie POST without the CSRF token refused,
/// and the SIKP export downloaded from its form.
/// </summary>
[Collection(DefaultServerCollection.Name)]
public sealed class AdminConsoleBrowserTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task Admin_signs_in_filters_reassigns_cancels_and_exports_without_script(int width, int height)
    {
        var toReassign = await Server.SubmitAsync(Samples.CompleteSubmission());
        var toCancel = await Server.SubmitAsync(Samples.CompleteSubmission());
        await Server.WaitForStatusAsync(toReassign, "InReview");
        await Server.WaitForStatusAsync(toCancel, "InReview");
        var oldToken = await Server.ReviewTokenAsync(toReassign.Id);
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
            var page = await context.NewPageAsync();
            var urls = new List<string>();
            page.Request += (_, request) => urls.Add(request.Url);

            // without a session: a page asking to sign in, 401
            var denied = await page.GotoAsync($"{Server.BaseUrl}/api/admin/applications");
            Assert.Equal(401, denied!.Status);
            await page.WaitForSelectorAsync("#sign-in");

            // a wrong key: the message at the field; the right key: the dashboard
            await page.FillAsync("#key", "not-the-key");
            var wrong = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#sign-in-button"), r => r.Request.Method == "POST");
            Assert.Equal(401, wrong.Status);
            Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("[data-error=key]")));
            await page.FillAsync("#key", ServerInstance.AdminKey);
            await page.ClickAsync("#sign-in-button");
            await page.WaitForURLAsync("**/api/admin/dashboard");
            var cookie = (await context.CookiesAsync()).Single(c => c.Name == "umkm_admin");
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

            // filter: in review in Tarakan
            await page.GotoAsync($"{Server.BaseUrl}/api/admin/applications");
            await page.SelectOptionAsync("#status", "InReview");
            await page.SelectOptionAsync("#regency", "6571");
            await page.ClickAsync("#apply-filters");
            await page.WaitForSelectorAsync($"tr[data-id='{toReassign.Id}']");
            var statuses = await page.Locator("#applications tbody tr[data-status]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
            Assert.All(statuses, s => Assert.Equal("InReview", s));

            // reassign: refused until confirmed, then the old link is superseded
            await page.ClickAsync($"tr[data-id='{toReassign.Id}'] a");
            await page.WaitForSelectorAsync("#audit");
            Assert.Contains("Permohonan diajukan", await page.TextContentAsync("#audit"), StringComparison.Ordinal);
            await page.SelectOptionAsync("#reviewerId", "opd-trk-kabid");
            var unconfirmed = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#reassign"), r => r.Request.Method == "POST");
            Assert.Equal(400, unconfirmed.Status);
            Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("[data-error=confirm]")));
            await page.SelectOptionAsync("#reviewerId", "opd-trk-kabid");
            await page.CheckAsync("#confirm-reassign");
            await page.ClickAsync("#reassign");
            await page.WaitForSelectorAsync("#done");
            using (var old = await Server.Http.GetAsync(new Uri($"/api/review/{oldToken}", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
            }

            // a POST with the cookie but without the page's CSRF token is refused
            var forged = await page.APIRequest.PostAsync($"{Server.BaseUrl}/api/admin/applications/{toCancel.Id}/cancel",
                new APIRequestContextOptions { Form = FormOf(page.APIRequest, ("reason", "palsu"), ("confirm", "ya")), Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
            Assert.Equal(403, forged.Status);

            // cancel with a reason
            await page.GotoAsync($"{Server.BaseUrl}/api/admin/applications/{toCancel.Id}");
            await page.FillAsync("#reason", "Permohonan ganda, diajukan ulang");
            await page.CheckAsync("#confirm-cancel");
            await page.ClickAsync("#cancel");
            await page.WaitForSelectorAsync("#done");
            await Server.WaitForStatusAsync(toCancel, "Cancelled");

            // the SIKP export from its form
            await page.GotoAsync($"{Server.BaseUrl}/api/admin");
            var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await page.FillAsync("#from", DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync("#to", today);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-button"));
            Assert.False(string.IsNullOrEmpty(download.SuggestedFilename));
            var saved = Path.Combine(RepoPaths.Artifacts, $"sikp-{width}.txt");
            await download.SaveAsAsync(saved);
            Assert.True(new FileInfo(saved).Length > 0);

            Assert.DoesNotContain(urls, u => u.Contains(ServerInstance.AdminKey, StringComparison.Ordinal) || u.Contains("code=", StringComparison.Ordinal));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static IFormData FormOf(IAPIRequestContext api, params (string Name, string Value)[] fields)
    {
        var form = api.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
