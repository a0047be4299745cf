using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Browser;

/// <summary>
/// The applicant's self-service through pages only, on a 390×844 phone in Chromium, once with JavaScript disabled and
/// once enabled: submit with documents → receipt, upload a missing document, answer a revision, withdraw, download the
/// signed agreement, "Lupa tautan?", and the error cases at their fields. Screenshots go to artifacts/applicant/.
/// </summary>
[Collection(DefaultServerCollection.Name)]
public sealed partial class ApplicantPagesTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    private static string Shots
    {
        get
        {
            var path = Path.Combine(RepoPaths.Artifacts, "applicant");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Portal_submits_with_documents_and_shows_a_printable_receipt_with_the_reference(bool script)
    {
        var email = $"portal-{script}@example.id";
        await WithPhoneAsync(script, async page =>
        {
            await page.GotoAsync($"{Server.BaseUrl}/api/portal");
            Assert.Equal("post", await page.GetAttributeAsync("#apply", "method"));
            Assert.Equal("multipart/form-data", await page.GetAttributeAsync("#apply", "enctype"));
            await PortalForm.FillAsync(page, email, UniqueNik());
            await page.CheckAsync("[name='consent.dataProcessing']");
            await Shot(page, $"portal-{Mode(script)}");
            await page.ClickAsync("#submit");
            await page.WaitForSelectorAsync("#reference");
            Assert.Contains("/receipt?token=", page.Url, StringComparison.Ordinal);
            Assert.DoesNotContain("6571", new Uri(page.Url).Query, StringComparison.Ordinal); // no NIK in the URL
            var reference = (await page.TextContentAsync("#reference"))!.Trim();
            Assert.Matches(ReferencePattern(), reference);
            Assert.Contains("50.000.000", await page.TextContentAsync("#receipt"), StringComparison.Ordinal);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            Assert.False(await page.IsVisibleAsync("header"));
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
            await Shot(page, $"receipt-{Mode(script)}");

            var statusLink = (await page.GetAttributeAsync("#status-link", "href"))!;
            await page.GotoAsync(statusLink);
            Assert.Equal(reference, (await page.TextContentAsync("#reference"))!.Trim());
            var id = (await page.GetAttributeAsync("form[action$='/withdraw']", "action"))!.Split('/')[3];
            var app = new Submitted(id, Uri.UnescapeDataString(statusLink.Split("token=")[1]), default);
            var status = await Server.WaitForStatusAsync(app, "InReview");
            Assert.Equal(reference, status.GetProperty("reference").GetString());
            Assert.Equal(Samples.RequiredKinds.Count, status.GetProperty("documents").GetArrayLength());
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wrong_nik_missing_consent_an_11_MB_file_and_an_exe_named_pdf_show_at_their_fields_and_keep_the_input(bool script)
    {
        await WithPhoneAsync(script, async page =>
        {
            await page.GotoAsync($"{Server.BaseUrl}/api/portal");
            await PortalForm.FillAsync(page, $"errors-{script}@example.id");
            await page.FillAsync("[name='applicant.nik']", "1234567890");
            var big = new byte[11 * 1024 * 1024];
            Samples.Pdf("besar").CopyTo(big, 0);
            await page.SetInputFilesAsync("input[name='ktp']", new FilePayload { Name = "ktp-besar.pdf", MimeType = "application/pdf", Buffer = big });
            var exe = new byte[4096];
            "MZ\u0090\0"u8.ToArray().CopyTo(exe, 0);
            await page.SetInputFilesAsync("input[name='kk']", new FilePayload { Name = "kk-scan.pdf", MimeType = "application/pdf", Buffer = exe });
            await page.ClickAsync("#submit");

            if (script)
            {
                // checked on the phone before anything is sent
                await page.WaitForSelectorAsync("[data-error='ktp']");
                Assert.Contains("ktp-besar.pdf lebih dari 10 MB", await page.TextContentAsync("[data-error='ktp']"), StringComparison.Ordinal);
                await page.WaitForSelectorAsync("[data-error='kk']");
                Assert.Contains("kk-scan.pdf bukan PDF, JPEG atau PNG", await page.TextContentAsync("[data-error='kk']"), StringComparison.Ordinal);
                await Shot(page, "errors-files-script");
                await page.SetInputFilesAsync("input[name='ktp']", Array.Empty<FilePayload>());
                await page.SetInputFilesAsync("input[name='kk']", Array.Empty<FilePayload>());
                await page.ClickAsync("#submit");
            }

            await page.WaitForSelectorAsync("#error-summary");
            Assert.Contains("NIK", await page.TextContentAsync("[data-error='applicant.nik']"), StringComparison.Ordinal);
            Assert.True(await page.IsVisibleAsync("[data-error='consent.dataProcessing']"));
            Assert.True(await page.IsVisibleAsync("#error-summary a[href='#applicant.nik']"));
            if (!script)
            {
                Assert.Contains("ktp-besar.pdf lebih dari 10 MB", await page.TextContentAsync("[data-error='ktp']"), StringComparison.Ordinal);
                Assert.Contains("kk-scan.pdf bukan PDF, JPEG atau PNG", await page.TextContentAsync("[data-error='kk']"), StringComparison.Ordinal);
                Assert.True(await page.IsVisibleAsync("#error-summary a[href='#doc-ktp']"));
            }

            Assert.Equal("1234567890", await page.InputValueAsync("[id='applicant.nik']"));
            Assert.Equal("Siti Aminah", await page.InputValueAsync("[id='applicant.fullName']"));
            Assert.Equal("KUR_MIKRO", await page.InputValueAsync("[id='request.scheme']"));
            Assert.Equal("Pembelian bahan baku dan kemasan", await page.InputValueAsync("[id='request.description']"));
            await Shot(page, $"errors-{Mode(script)}");
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Applicant_uploads_a_missing_document_from_the_status_page(bool script)
    {
        var body = Samples.Application($"missing-{script}@example.id");
        body["applicant"]!["nik"] = UniqueNik();
        var app = await Server.SubmitAsync(Samples.Multipart(body, [("ktp", Samples.Pdf("ktp")), ("kk", Samples.Pdf("kk")), ("nib", Samples.Pdf("nib"))]));
        await Server.WaitForStatusAsync(app, "AwaitingDocuments");
        await WithPhoneAsync(script, async page =>
        {
            await page.GotoAsync(StatusUrl(app));
            Assert.Contains("Foto usaha", await page.TextContentAsync("#missing"), StringComparison.Ordinal);
            Assert.Contains("Anda", await page.TextContentAsync("#turn"), StringComparison.Ordinal);
            await page.SetInputFilesAsync("input[name='business-photo']", new FilePayload { Name = "usaha.png", MimeType = "image/png", Buffer = NoisePng(64, 48) });
            await page.ClickAsync("#upload-documents");
            await page.WaitForSelectorAsync("#notice");
            Assert.DoesNotContain("token=", (await page.TextContentAsync("main"))!, StringComparison.Ordinal);
            await Shot(page, $"uploaded-{Mode(script)}");
        });
        var status = await Server.WaitForStatusAsync(app, "InReview");
        Assert.Contains(status.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "business-photo");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Applicant_answers_a_revision_request_with_the_prefilled_form(bool script)
    {
        var app = await SubmitCompleteAsync($"revise-{script}@example.id");
        await Server.WaitForStatusAsync(app, "InReview");
        using (var decided = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id), new { decision = "revise", note = "Uraian penggunaan dana kurang rinci." }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "RevisionRequested");
        await WithPhoneAsync(script, async page =>
        {
            await page.GotoAsync(StatusUrl(app));
            Assert.Equal("Uraian penggunaan dana kurang rinci.", (await page.TextContentAsync("#reviewer-note"))!.Trim());
            Assert.Equal("Siti Aminah", await page.InputValueAsync("#revision [id='applicant.fullName']"));
            await page.FillAsync("#revision [id='request.description']", "Pembelian 200 kg bahan baku ikan dan 5.000 kemasan");
            await page.ClickAsync("#resubmit");
            await page.WaitForSelectorAsync("[data-error='consent.dataProcessing']"); // consent is asked again
            Assert.Equal("Pembelian 200 kg bahan baku ikan dan 5.000 kemasan", await page.InputValueAsync("#revision [id='request.description']"));
            await page.CheckAsync("#revision [id='consent.dataProcessing']");
            await page.ClickAsync("#resubmit");
            await page.WaitForSelectorAsync("#notice");
            await Shot(page, $"resubmitted-{Mode(script)}");
        });
        await Server.WaitForStatusAsync(app, "InReview");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Applicant_withdraws_after_a_confirmation_step(bool script)
    {
        var app = await SubmitCompleteAsync($"withdraw-{script}@example.id");
        await Server.WaitForStatusAsync(app, "InReview");
        await WithPhoneAsync(script, async page =>
        {
            await page.GotoAsync(StatusUrl(app));
            await page.ClickAsync("#withdraw");
            await page.WaitForSelectorAsync("#confirm-withdraw");
            await Shot(page, $"withdraw-confirm-{Mode(script)}");
            Assert.Equal("InReview", (await Server.StatusAsync(app)).GetProperty("status").GetString());
            await page.ClickAsync("#confirm-withdraw");
            await page.WaitForSelectorAsync("#notice");
        });
        await Server.WaitForStatusAsync(app, "Withdrawn");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Applicant_downloads_the_signed_agreement_and_sees_the_approved_amount(bool script)
    {
        var email = $"signed-{script}@example.id";
        var app = await SubmitCompleteAsync(email);
        await Server.WaitForStatusAsync(app, "InReview");
        using (var decided = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id),
                   new { decision = "approve", approvedAmount = 40000000, recommendations = new[] { "Pelatihan pembukuan sederhana" } }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        foreach (var (signer, name) in new[] { (email, "Siti Aminah"), ("kredit.trk@bank.example", "Pimpinan Cabang Tarakan"), ("kadis.umkm.trk@kaltaraprov.example", "Kepala Dinas Koperasi dan UKM Tarakan") })
        {
            await Server.SignAsSignerAsync(await Server.SignTokenAsync(app.Id, signer), signer, name);
        }

        var completed = await Server.WaitForStatusAsync(app, "Completed", TimeSpan.FromSeconds(90));
        await WithPhoneAsync(script, async page =>
        {
            await page.GotoAsync(StatusUrl(app));
            Assert.Contains("40.000.000", await page.TextContentAsync("#approved-amount"), StringComparison.Ordinal);
            Assert.Equal("Pelatihan pembukuan sederhana", (await page.TextContentAsync("#commitments li"))!.Trim());
            await Shot(page, $"completed-{Mode(script)}");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#agreement-link"));
            var path = await download.PathAsync();
            var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path!)));
            Assert.Equal(completed.GetProperty("agreement").GetProperty("sha256").GetString(), sha);
        });
    }

    [Fact]
    public async Task Lookup_emails_the_status_link_only_when_all_three_match_and_answers_the_same_either_way()
    {
        const string email = "lookup@example.id";
        var app = await SubmitCompleteAsync(email, "6571015508907777");
        var reference = app.Body.GetProperty("reference").GetString()!;
        await WithPhoneAsync(false, async page =>
        {
            async Task<string> AskAsync(string nik)
            {
                await page.GotoAsync($"{Server.BaseUrl}/api/lookup");
                await page.FillAsync("#reference", reference.ToLowerInvariant());
                await page.FillAsync("#nik", nik);
                await page.FillAsync("#birthDate", "1990-08-15");
                await page.ClickAsync("#lookup");
                return (await page.TextContentAsync("#lookup-answer"))!;
            }

            var wrong = await AskAsync("6571015508901111");
            var right = await AskAsync("6571015508907777");
            Assert.Equal(wrong, right);
            await Shot(page, "lookup-answer");
        });
        var message = await Server.Outbox.WaitForAsync(m => (m.Subject ?? string.Empty) == $"Tautan status permohonan {reference}");
        Assert.Contains($"/api/applications/{app.Id}?token=", message.TextBody, StringComparison.Ordinal);
        Assert.Single(Server.Outbox.To(email), m => (m.Subject ?? string.Empty).StartsWith("Tautan status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_weigh_at_most_50_KB_and_load_nothing_from_elsewhere()
    {
        var app = await SubmitCompleteAsync("weight@example.id");
        foreach (var path in new[] { "/api/portal", "/api/lookup", $"/api/applications/{app.Id}?token={Uri.EscapeDataString(app.Token)}", $"/api/applications/{app.Id}/receipt?token={Uri.EscapeDataString(app.Token)}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await Server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsByteArrayAsync();
            Assert.True(html.Length <= 50 * 1024, $"{path}: {html.Length} bytes");
            Assert.DoesNotMatch(ExternalResource(), System.Text.Encoding.UTF8.GetString(html));
        }
    }

    [Fact]
    public async Task A_3_MB_photo_on_throttled_3G_is_downscaled_shows_progress_and_arrives()
    {
        await WithPhoneAsync(true, async page =>
        {
            await page.GotoAsync($"{Server.BaseUrl}/api/portal");
            await PortalForm.FillAsync(page, "slow@example.id", UniqueNik());
            var photo = NoisePng(1800, 560); // ≈ 3 MB of incompressible pixels, wider than 1600 px
            Assert.InRange(photo.Length, 2_900_000, 3_300_000);
            await page.SetInputFilesAsync("input[name='business-photo']", new FilePayload { Name = "foto-usaha.png", MimeType = "image/png", Buffer = photo });
            await page.CheckAsync("[name='consent.dataProcessing']");
            var cdp = await page.Context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 300, ["downloadThroughput"] = 750 * 1000 / 8, ["uploadThroughput"] = 750 * 1000 / 8,
            });
            await page.ClickAsync("#submit");
            await page.WaitForFunctionAsync("() => { const p = document.getElementById('progress'); return p && p.value > 0 && p.value < 100; }");
            Assert.Contains("Mengunggah", await page.TextContentAsync("#progress-text"), StringComparison.Ordinal);
            await Shot(page, "3g-progress");
            await page.WaitForSelectorAsync("#reference", new PageWaitForSelectorOptions { Timeout = 120_000 });
            var statusLink = (await page.GetAttributeAsync("#status-link", "href"))!;
            var id = (await page.TextContentAsync("#application-id"))!.Trim();
            var status = await Server.StatusAsync(new Submitted(id, Uri.UnescapeDataString(statusLink.Split("token=")[1]), default));
            var stored = status.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "business-photo");
            Assert.Equal("image/jpeg", stored.GetProperty("contentType").GetString()); // re-encoded on the phone
            Assert.True(stored.GetProperty("size").GetInt64() < photo.Length);
        }, TimeSpan.FromMinutes(3));
    }

    private async Task<Submitted> SubmitCompleteAsync(string email, string? nik = null)
    {
        var body = Samples.Application(email);
        body["applicant"]!["nik"] = nik ?? UniqueNik();
        return await Server.SubmitAsync(Samples.Multipart(body, Samples.RequiredKinds.Select(k => (k, k == "business-photo" ? Samples.Png() : Samples.Pdf(k)))));
    }

    private string StatusUrl(Submitted app) => $"{Server.BaseUrl}/api/applications/{app.Id}?token={Uri.EscapeDataString(app.Token)}";


    // The sample applicant (born 15-08-1990, Tarakan) with a serial of her own, so no two tests share a NIK.
    private static string UniqueNik() => Samples.UniqueNik();

    private static string Mode(bool script) => script ? "script" : "no-script";

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });

    private static async Task WithPhoneAsync(bool script, Func<IPage, Task> steps, TimeSpan? timeout = null)
    {
        var (playwright, browser) = await ReviewBrowserTests.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 }, JavaScriptEnabled = script, AcceptDownloads = true, IsMobile = true, HasTouch = true,
            });
            context.SetDefaultTimeout((float)(timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds);
            await steps(await context.NewPageAsync());
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>A PNG of random pixels (does not compress, so its size is about width × height × 3).</summary>
    internal static byte[] NoisePng(int width, int height)
    {
        var raw = new byte[(width * 3 + 1) * height];
        Random.Shared.NextBytes(raw);
        for (var y = 0; y < height; y++)
        {
            raw[y * (width * 3 + 1)] = 0; // filter: none
        }

        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        s.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [GeneratedRegex(@"^UMKM-6571-\d{4}-\d{6}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//(?!localhost|127\.0\.0\.1)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
