using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Browser;

/// <summary>
/// The officials' pages in Chromium with script off (everything is a plain form) and on: the reviewer's
/// confirmation step and messages at fields, a reopened link, each signer requesting the OTP and signing,
/// a wrong OTP, a refusal with its confirmation, and the verification page reached from the printed URL of the
/// signed PDF (pdftotext) that says valid for the real file and not valid for a changed one.
/// </summary>
[Collection(DefaultServerCollection.Name)]
public sealed partial class OfficialsBrowserTests(DefaultServerFixture fixture)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private ServerInstance Server => fixture.Server;

    private static string Shots
    {
        get
        {
            var path = Path.Combine(RepoPaths.Artifacts, "officials");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    [Theory]
    [InlineData(false, 390)]
    [InlineData(true, 1280)]
    public async Task Reviewer_gets_messages_at_the_fields_confirms_and_a_reopened_link_shows_a_page(bool script, int width)
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission());
        await Server.WaitForStatusAsync(app, "InReview");
        var token = await Server.ReviewTokenAsync(app.Id);
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var page = await NewPageAsync(browser, script, width);
            await page.GotoAsync($"{Server.BaseUrl}/api/review/{token}");
            Assert.Equal("Memenuhi syarat skema", (await page.TextContentAsync("#screening"))!.Trim());
            Assert.Contains("Angsuran per bulan", await page.TextContentAsync("#decision-aid"), StringComparison.Ordinal);
            Assert.DoesNotContain("modal-kerja", await page.ContentAsync(), StringComparison.Ordinal);

            // reject without a note: 400, the page again with the message at the note and the choice kept
            await page.CheckAsync("input[name=decision][value=reject]");
            var rejected = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#decide"), r => r.Request.Method == "POST");
            Assert.Equal(400, rejected.Status);
            Assert.Contains("Catatan wajib", await page.TextContentAsync("[data-error=note]"), StringComparison.Ordinal);
            Assert.True(await page.IsCheckedAsync("input[name=decision][value=reject]"));

            // approve more than was asked: the message at the amount, what was typed kept
            await page.CheckAsync("input[name=decision][value=approve]");
            await page.FillAsync("#approvedAmount", "999999999");
            await page.FillAsync("#recommendations", "Pelatihan pembukuan sederhana");
            await page.ClickAsync("#decide");
            await page.WaitForSelectorAsync("[data-error=approvedAmount]:not(:empty)");
            Assert.Equal("Pelatihan pembukuan sederhana", await page.InputValueAsync("#recommendations"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"review-error-{width}.png"), FullPage = true });

            // a valid decision asks for confirmation; "change" keeps the values; nothing is recorded until confirmed
            await page.FillAsync("#approvedAmount", "10000000");
            await page.ClickAsync("#decide");
            await page.WaitForSelectorAsync("#confirm-step");
            await page.ClickAsync("#change");
            await page.WaitForSelectorAsync("#decision-form");
            Assert.Equal("10000000", await page.InputValueAsync("#approvedAmount"));
            var (_, inReview) = await StatusAsync(app);
            Assert.Equal("InReview", inReview);
            await page.ClickAsync("#decide");
            await page.WaitForSelectorAsync("#confirm-step");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"review-confirm-{width}.png"), FullPage = true });
            await page.ClickAsync("#confirm");
            await page.WaitForSelectorAsync("#recorded");
            var status = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
            Assert.Equal(10_000_000, status.GetProperty("review").GetProperty("approvedAmount").GetInt64());

            // the used link: a page saying what happened and whom to contact, with 409
            var again = await page.GotoAsync($"{Server.BaseUrl}/api/review/{token}");
            Assert.Equal(409, again!.Status);
            Assert.Equal("Conflict", await page.GetAttributeAsync("#link-problem", "data-kind"));
            Assert.Contains("admin program", await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task Every_signer_signs_with_script_off_and_the_printed_url_verifies_the_real_file_only()
    {
        const string email = "officials-sign@example.id";
        var app = await Server.SubmitAsync(Samples.CompleteSubmission(email));
        await Server.WaitForStatusAsync(app, "InReview");
        using (var decided = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id), new { decision = "approve", recommendations = new[] { "Pendampingan pemasaran daring" } }))
        {
            decided.EnsureSuccessStatusCode();
        }

        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var signers = new[]
            {
                (Email: email, Name: "Siti Aminah"),
                (Email: "kredit.trk@bank.example", Name: "Pimpinan Cabang Tarakan"),
                (Email: "kadis.umkm.trk@kaltaraprov.example", Name: "Kepala Dinas Koperasi dan UKM Tarakan"),
            };
            var urls = new List<string>();
            for (var i = 0; i < signers.Length; i++)
            {
                var (signerEmail, name) = signers[i];
                var url = $"{Server.BaseUrl}/api/sign/{await Server.SignTokenAsync(app.Id, signerEmail)}";
                urls.Add(url);
                var page = await NewPageAsync(browser, script: false, i == 1 ? 1280 : 390);
                await page.GotoAsync(url);
                Assert.Contains("Pendampingan pemasaran daring", await page.TextContentAsync("#commitments"), StringComparison.Ordinal);
                Assert.Contains("giliran Anda", await page.TextContentAsync("#signers"), StringComparison.Ordinal);
                var before = OtpMails(signerEmail).Count;
                await page.ClickAsync("#otp");
                await page.WaitForSelectorAsync("#otp-status:has-text('sudah dikirim')");
                await Server.Outbox.WaitForAsync(_ => OtpMails(signerEmail).Count > before);
                var code = OtpCode().Match(OtpMails(signerEmail).Last().TextBody!).Groups[1].Value;
                await page.FillAsync("#fullName", name);
                await page.CheckAsync("#consent");
                if (i == 0)
                {
                    // a wrong code: 403, the message at the code field, the name and consent kept
                    var wrong = ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                    await page.FillAsync("#otp-code", wrong);
                    var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#sign"), r => r.Request.Method == "POST");
                    Assert.Equal(403, answer.Status);
                    Assert.Contains("salah", await page.TextContentAsync("[data-error=otp]"), StringComparison.Ordinal);
                    Assert.Equal(name, await page.InputValueAsync("#fullName"));
                    Assert.True(await page.IsCheckedAsync("#consent"));
                }

                await page.FillAsync("#otp-code", code);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"sign-{i}.png"), FullPage = true });
                await page.ClickAsync("#sign");
                await page.WaitForSelectorAsync("#recorded");
            }

            await Server.WaitForStatusAsync(app, "Completed", TimeSpan.FromSeconds(90));

            // the bank's own link serves the signed copy, named
            var bank = await NewPageAsync(browser, script: true, 1280);
            var download = await bank.APIRequest.GetAsync(urls[1] + "/document");
            Assert.Equal(200, download.Status);
            Assert.Contains($"filename=\"perjanjian-{app.Id}-ditandatangani.pdf\"", download.Headers["content-disposition"], StringComparison.Ordinal);
            var pdf = await download.BodyAsync();
            var file = Path.Combine(Shots, "signed-by-link.pdf");
            await File.WriteAllBytesAsync(file, pdf);

            // the URL printed in the PDF opens the record page, which checks nothing by itself
            var text = await PdfTextAsync(file);
            var printed = VerifyUrl().Match(text).Value;

            // the certificate of completion speaks Indonesian and names people, not codes or ids
            var words = Whitespace().Replace(text, " ");
            Assert.Contains(Workflow.Catalog.Labels.AuditEvent(Workflow.Catalog.AuditEvents.SignatureSigned), words, StringComparison.Ordinal);
            Assert.Contains("Penilai OPD:", words, StringComparison.Ordinal);
            Assert.DoesNotContain(Workflow.Catalog.AuditEvents.SignatureSigned, text, StringComparison.Ordinal);
            Assert.DoesNotContain("opd-trk-analis", text, StringComparison.Ordinal);
            Assert.EndsWith($"/api/verify/{app.Id}", printed, StringComparison.Ordinal);
            foreach (var script in new[] { false, true })
            {
                var verify = await NewPageAsync(browser, script, script ? 1280 : 390);
                await verify.GotoAsync(printed);
                Assert.Equal("false", await verify.GetAttributeAsync("#verdict", "data-checked"));
                Assert.DoesNotContain("TIDAK", await verify.TextContentAsync("#verdict"), StringComparison.Ordinal);
                Assert.Contains("Pejabat bank", await verify.TextContentAsync("#record"), StringComparison.Ordinal);

                await verify.SetInputFilesAsync("#file", file);
                await verify.ClickAsync("#check-file");
                await verify.WaitForSelectorAsync("#verdict[data-checked=true]");
                Assert.Equal("true", await verify.GetAttributeAsync("#verdict", "data-valid"));
                await verify.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"verify-valid-{script}.png"), FullPage = true });

                var changed = (byte[])pdf.Clone();
                changed[changed.Length / 3] ^= 0x01;
                await verify.SetInputFilesAsync("#file", new FilePayload { Name = "salinan.pdf", MimeType = "application/pdf", Buffer = changed });
                await verify.ClickAsync("#check-file");
                await verify.WaitForSelectorAsync("#verdict[data-valid=false]");
                Assert.Contains("TIDAK SAH", await verify.TextContentAsync("#verdict"), StringComparison.Ordinal);
                await verify.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"verify-changed-{script}.png"), FullPage = true });
            }
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Theory]
    [InlineData(false, 390)]
    [InlineData(true, 1280)]
    public async Task A_signer_declines_only_after_giving_a_reason_and_confirming(bool script, int width)
    {
        var email = $"officials-decline-{width}@example.id";
        var app = await Server.SubmitAsync(Samples.CompleteSubmission(email));
        await Server.WaitForStatusAsync(app, "InReview");
        using (var decided = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id), new { decision = "approve" }))
        {
            decided.EnsureSuccessStatusCode();
        }

        var url = $"{Server.BaseUrl}/api/sign/{await Server.SignTokenAsync(app.Id, email)}";
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var page = await NewPageAsync(browser, script, width);
            await page.GotoAsync(url);
            await page.ClickAsync("#decline-toggle");
            var empty = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#decline"), r => r.Request.Method == "POST");
            Assert.Equal(400, empty.Status);
            Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("[data-error=reason]")));
            await page.FillAsync("#reason", "Nilai angsuran terlalu besar bagi usaha saya");
            await page.ClickAsync("#decline");
            await page.WaitForSelectorAsync("#confirm-step");
            Assert.Contains("Nilai angsuran terlalu besar", await page.TextContentAsync("#confirm-step"), StringComparison.Ordinal);
            var (_, stillWaiting) = await StatusAsync(app);
            Assert.Equal("AwaitingSignatures", stillWaiting);
            await page.ClickAsync("#confirm-decline");
            await page.WaitForSelectorAsync("#recorded");
            await Server.WaitForStatusAsync(app, "Declined");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, bool script, int width)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = script, ViewportSize = width <= 390 ? Phone : Desktop, AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    private List<MimeKit.MimeMessage> OtpMails(string email) =>
        Server.Outbox.To(email).Where(m => (m.Subject ?? string.Empty).StartsWith("Kode OTP", StringComparison.Ordinal)).ToList();

    private async Task<(System.Text.Json.JsonElement Body, string Status)> StatusAsync(Submitted app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.Token);
        using var response = await Server.Http.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (body, body.GetProperty("status").GetString()!);
    }

    private static async Task<string> PdfTextAsync(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-raw", file, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    [GeneratedRegex(@"Kode OTP: (\d{6})")]
    private static partial Regex OtpCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://\S+/api/verify/[A-Za-z0-9-]+")]
    private static partial Regex VerifyUrl();
}
