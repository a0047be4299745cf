using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Admin;

[Collection(DefaultServerCollection.Name)]
public sealed class AdminApiTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task List_filters_by_status_and_regency_and_pages_with_continuation_tokens()
    {
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (app, _) = await Server.InReviewAsync(regency: "6502", reviewerEmail: "analis.umkm.blg@kaltaraprov.example");
            mine.Add(app.Id);
        }

        var (items, pages) = await Server.ListAllAsync("status=InReview&regency=6502&pageSize=2");

        Assert.True(pages >= 2, $"3+ rows at 2 per page need 2+ pages, got {pages}");
        Assert.All(mine, id => Assert.Single(items, x => x.GetProperty("applicationId").GetString() == id));
        Assert.Equal(items.Count, items.Select(x => x.GetProperty("applicationId").GetString()).Distinct().Count());
        Assert.All(items, x =>
        {
            Assert.Equal("InReview", x.GetProperty("status").GetString());
            Assert.Equal("6502", x.GetProperty("regency").GetString());
        });
        var one = items.First(x => x.GetProperty("applicationId").GetString() == mine[0]);
        Assert.Equal("Siti Aminah", one.GetProperty("applicantName").GetString());
        Assert.Equal(50_000_000, one.GetProperty("amount").GetInt64());
        Assert.False(one.GetProperty("overdue").GetBoolean());
        Assert.True(one.GetProperty("deadline").GetDateTime() > DateTime.UtcNow);

        var (approvedOnly, _) = await Server.ListAllAsync("status=Approved&regency=6502");
        Assert.DoesNotContain(approvedOnly, x => mine.Contains(x.GetProperty("applicationId").GetString()!));
        var (otherRegency, _) = await Server.ListAllAsync("regency=6571&pageSize=200");
        Assert.DoesNotContain(otherRegency, x => mine.Contains(x.GetProperty("applicationId").GetString()!));
    }

    [Fact]
    public async Task List_overdue_shows_only_open_applications_past_their_deadline()
    {
        var late = await Server.SeedIndexRowAsync("6503", DateTime.UtcNow.AddHours(-1));
        var onTime = await Server.SeedIndexRowAsync("6503", DateTime.UtcNow.AddDays(3));

        var (overdue, _) = await Server.ListAllAsync("overdue=true&regency=6503");
        var (all, _) = await Server.ListAllAsync("overdue=false&regency=6503");

        var row = Assert.Single(overdue, x => x.GetProperty("applicationId").GetString() == late);
        Assert.True(row.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(overdue, x => x.GetProperty("applicationId").GetString() == onTime);
        Assert.All(overdue, x => Assert.True(x.GetProperty("overdue").GetBoolean()));
        Assert.Contains(all, x => x.GetProperty("applicationId").GetString() == onTime);
        Assert.Contains(all, x => x.GetProperty("applicationId").GetString() == late);
    }

    [Theory]
    [InlineData("status=Nope", "status", "status.unknown")]
    [InlineData("status=3", "status", "status.unknown")]
    [InlineData("regency=9999", "regency", "regency.unknown")]
    [InlineData("overdue=maybe", "overdue", "overdue.format")]
    [InlineData("pageSize=0", "pageSize", "pageSize.range")]
    [InlineData("pageSize=1000", "pageSize", "pageSize.range")]
    public async Task List_refuses_unknown_filters_with_a_problem(string query, string path, string code)
    {
        using var response = await Server.AdminGetAsync("/api/admin/applications?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiCalls.ProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("errorCodes").GetProperty(path)[0].GetString());
    }

    [Fact]
    public async Task Detail_has_the_record_the_state_documents_links_and_the_whole_audit_trail()
    {
        var nik = Samples.UniqueNik();
        var (app, _) = await Server.InReviewAsync(nik: nik);

        var detail = await Server.AdminJsonAsync($"/api/admin/applications/{app.Id}");

        Assert.Equal(app.Id, detail.GetProperty("applicationId").GetString());
        Assert.Equal("InReview", detail.GetProperty("status").GetString());
        Assert.Equal(nik, detail.GetProperty("applicant").GetProperty("nik").GetString());
        Assert.Equal($"{nik[..4]}********{nik[^4..]}", detail.GetProperty("applicant").GetProperty("nikMasked").GetString());
        Assert.Equal("Amplang Bu Siti", detail.GetProperty("business").GetProperty("name").GetString());
        Assert.Equal(4, detail.GetProperty("documents").GetArrayLength());
        Assert.Contains(detail.GetProperty("links").EnumerateArray(), l => l.GetProperty("status").GetString() == "Pending" && l.GetProperty("actorId").GetString() == "opd-trk-analis");
        var events = detail.GetProperty("audit").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal("application.submitted", events[0]);
        Assert.Contains("document.uploaded", events);
        Assert.Contains("status.InReview", events);
        var viewed = detail.GetProperty("audit").EnumerateArray().Last(e => e.GetProperty("event").GetString() == "admin.viewed");
        Assert.Equal("admin", viewed.GetProperty("actor").GetString());
        Assert.False(string.IsNullOrEmpty(viewed.GetProperty("ip").GetString()));
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "InReview");

        using var unknown = await Server.AdminGetAsync($"/api/admin/applications/{new string('a', 32)}");
        using var malformed = await Server.AdminGetAsync("/api/admin/applications/not-an-id");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        await ApiCalls.ProblemAsync(unknown);
    }

    [Fact]
    public async Task Reassign_sends_a_new_link_to_the_other_reviewer_and_the_old_link_answers_409()
    {
        var (app, oldToken) = await Server.InReviewAsync();

        using var missing = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/reassign", new { });
        using var unknown = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/reassign", new { reviewerId = "opd-nobody" });
        Assert.Equal("reviewerId.required", (await ApiCalls.ProblemAsync(missing)).GetProperty("errorCodes").GetProperty("reviewerId")[0].GetString());
        Assert.Equal("reviewerId.unknown", (await ApiCalls.ProblemAsync(unknown)).GetProperty("errorCodes").GetProperty("reviewerId")[0].GetString());
        using (var otherRegency = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/reassign", new { reviewerId = "opd-mln-analis" }))
        {
            // A Malinau reviewer may not take a Tarakan application.
            Assert.Equal(HttpStatusCode.BadRequest, otherRegency.StatusCode);
            Assert.Equal("reviewerId.otherRegency", (await ApiCalls.ProblemAsync(otherRegency)).GetProperty("errorCodes").GetProperty("reviewerId")[0].GetString());
        }


        using var reassign = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/reassign", new { reviewerId = "opd-trk-kabid" });
        Assert.Equal(HttpStatusCode.Accepted, reassign.StatusCode);

        using var old = await Server.DecideAsync(oldToken, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        var newToken = await Server.ReviewTokenAsync(app.Id, "kabid.umkm.trk@kaltaraprov.example");
        Assert.NotEqual(oldToken, newToken);
        using var page = await Server.Http.GetAsync(new Uri($"/api/review/{newToken}", UriKind.Relative));
        var review = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("opd-trk-kabid", review.GetProperty("reviewer").GetProperty("id").GetString());

        using var approve = await Server.DecideAsync(newToken, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var status = await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        Assert.Equal("Kepala Bidang UMKM Tarakan", status.GetProperty("review").GetProperty("reviewer").GetString());

        using var late = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/reassign", new { reviewerId = "opd-trk-analis" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var audit = await Server.AdminJsonAsync($"/api/admin/applications/{app.Id}");
        var entry = Assert.Single(audit.GetProperty("audit").EnumerateArray(), e => e.GetProperty("event").GetString() == "admin.reassigned");
        Assert.Equal("admin", entry.GetProperty("actor").GetString());
        Assert.Equal("opd-trk-analis -> opd-trk-kabid", entry.GetProperty("detail").GetString());
        Assert.True(entry.TryGetProperty("ip", out _));
    }

    [Fact]
    public async Task Cancel_ends_the_application_closes_the_review_link_and_tells_the_applicant()
    {
        var (app, token) = await Server.InReviewAsync("cancel@example.id");

        using var noReason = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/cancel", new { reason = "  " });
        Assert.Equal("reason.required", (await ApiCalls.ProblemAsync(noReason)).GetProperty("errorCodes").GetProperty("reason")[0].GetString());

        const string reason = "Data usaha terindikasi ganda dengan permohonan lain.";
        using var cancel = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/cancel", new { reason });
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        using var link = await Server.Http.GetAsync(new Uri($"/api/review/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, link.StatusCode);
        using var decide = await Server.DecideAsync(token, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, decide.StatusCode);

        var status = await Server.WaitForStatusAsync(app, "Cancelled");
        Assert.Contains(status.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "Cancelled" && h.GetProperty("note").GetString() == reason);
        var mail = await Server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "cancel@example.id")
            && (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("Dibatalkan oleh admin", StringComparison.Ordinal));
        Assert.Contains(reason, mail.TextBody, StringComparison.Ordinal);

        using var again = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/cancel", new { reason });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var reassign = await Server.AdminPostAsync($"/api/admin/applications/{app.Id}/reassign", new { reviewerId = "opd-trk-kabid" });
        Assert.Equal(HttpStatusCode.Conflict, reassign.StatusCode);
        var detail = await Server.AdminJsonAsync($"/api/admin/applications/{app.Id}");
        Assert.All(detail.GetProperty("links").EnumerateArray(), l => Assert.NotEqual("Pending", l.GetProperty("status").GetString()));
        var entry = Assert.Single(detail.GetProperty("audit").EnumerateArray(), e => e.GetProperty("event").GetString() == "admin.cancelled");
        Assert.Equal(reason, entry.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_admin_route_answers_401_without_a_key_or_with_a_wrong_one()
    {
        var admin = ApiRoutes.All.Where(r => r.Access == RouteAccess.Admin).ToList();
        Assert.True(admin.Count >= 7);
        foreach (var route in admin)
        {
            var path = "/api/" + route.Template.Replace("{id}", new string('b', 32), StringComparison.Ordinal) + (route.Template.Contains("sikp", StringComparison.Ordinal) ? "?from=2026-01-01&to=2026-01-31" : string.Empty);
            foreach (var credentials in new[] { "none", "header", "query" })
            {
                var uri = credentials == "query" ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=wrong-key" : path;
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), uri);
                if (credentials == "header")
                {
                    request.Headers.Add("x-functions-key", "wrong-key");
                }

                if (route.Method == "POST")
                {
                    request.Content = new StringContent("{\"reason\":\"x\",\"reviewerId\":\"opd-trk-kabid\"}", Encoding.UTF8, "application/json");
                }

                using var response = await Server.Http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Name} with {credentials}: {(int)response.StatusCode}");
                await ApiCalls.ProblemAsync(response);
            }
        }

        using var withCode = await Server.Http.GetAsync(new Uri($"/api/admin/applications?pageSize=1&code={ServerInstance.AdminKey}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task Sikp_export_contains_the_line_of_a_submitted_application()
    {
        var name = "Siti Ekspor " + char.ToUpperInvariant(AdminCalls.UniqueWord()[0]) + AdminCalls.UniqueWord()[1..];
        var nik = Samples.UniqueNik();
        var (app, _) = await Server.InReviewAsync(fullName: name, nik: nik);
        var today = Wita.TodayFromUtc(DateTime.UtcNow);
        var from = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var response = await Server.AdminGetAsync($"/api/admin/export/sikp?from={from}&to={to}", "text/plain");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal($"sikp-calon-debitur-{from.Replace("-", string.Empty, StringComparison.Ordinal)}-{to.Replace("-", string.Empty, StringComparison.Ordinal)}.txt",
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("nik|nama|tgl_lahir|jns_kelamin|alamat|kode_kabkota|kode_pos|npwp|mulai_usaha|alamat_usaha|ijin_usaha|modal_usaha|jml_pekerja|jml_kredit|no_hp|uraian_agunan\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"\r\n{nik}|{name}|15081990|2|Jl. Yos Sudarso No. 10, Tarakan|6571|||01052019|Jl. Mulawarman No. 5, Tarakan|9120301234567||3|50000000|081234567890|\r\n", text, StringComparison.Ordinal);
        var detail = await Server.AdminJsonAsync($"/api/admin/applications/{app.Id}");
        Assert.Contains(detail.GetProperty("audit").EnumerateArray(), e => e.GetProperty("event").GetString() == "admin.exported");

        var earlier = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var before = await Server.AdminGetAsync($"/api/admin/export/sikp?from={earlier}&to={earlier}", "text/plain");
        Assert.DoesNotContain(name, await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "from", "from.required")]
    [InlineData("from=2026-06-01", "to", "to.required")]
    [InlineData("from=01-06-2026&to=2026-06-30", "from", "from.format")]
    [InlineData("from=2026-06-01&to=2026-02-30", "to", "to.format")]
    [InlineData("from=2026-06-30&to=2026-06-01", "to", "to.beforeFrom")]
    [InlineData("from=2024-01-01&to=2026-06-01", "to", "range.tooLong")]
    public async Task Sikp_export_refuses_missing_or_bad_dates(string query, string path, string code)
    {
        using var response = await Server.AdminGetAsync("/api/admin/export/sikp?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await ApiCalls.ProblemAsync(response)).GetProperty("errorCodes").GetProperty(path)[0].GetString());
    }

    [Fact]
    public async Task Dashboard_shows_counts_by_status_and_regency_an_svg_chart_and_the_overdue_list()
    {
        var (app, _) = await Server.InReviewAsync();
        var late = await Server.SeedIndexRowAsync("6504", DateTime.UtcNow.AddHours(-2), "Pemohon Terlambat");
        var soon = await Server.SeedIndexRowAsync("6504", DateTime.UtcNow.AddHours(20), "Pemohon Segera");

        using var page = await Server.AdminGetAsync("/api/admin/dashboard", "text/html");
        var html = await page.Content.ReadAsStringAsync();
        var json = await Server.AdminJsonAsync("/api/admin/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html.Replace("https://umkmcredit", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Permohonan per status", html, StringComparison.Ordinal);
        Assert.Contains("Permohonan per kabupaten/kota", html, StringComparison.Ordinal);
        Assert.Matches("data-status=\"InReview\" data-count=\"[1-9][0-9]*\"", html);
        Assert.Matches("data-regency=\"6571\" data-count=\"[1-9][0-9]*\"", html);
        Assert.Contains("Kota Tarakan", html, StringComparison.Ordinal);

        // Counts open the filtered list; totals in rupiah; submissions per week as a chart and a table.
        Assert.Contains("href=\"/api/admin/applications?status=InReview\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/admin/applications?regency=6571\"", html, StringComparison.Ordinal);
        Assert.Contains("Nilai diajukan", html, StringComparison.Ordinal);
        Assert.Matches("data-total-amount=\"[1-9][0-9]*\"", html);
        var weeks = html[html.IndexOf("id=\"per-minggu\"", StringComparison.Ordinal)..html.IndexOf("id=\"terlambat\"", StringComparison.Ordinal)];
        Assert.Contains("<svg", weeks, StringComparison.Ordinal);
        Assert.Matches("data-week=\"[0-9-]+\" data-count=\"[1-9][0-9]*\"", weeks);

        var overdueSection = html[html.IndexOf("id=\"terlambat\"", StringComparison.Ordinal)..html.IndexOf("id=\"segera-berakhir\"", StringComparison.Ordinal)];
        var soonSection = html[html.IndexOf("id=\"segera-berakhir\"", StringComparison.Ordinal)..];
        Assert.Contains($"data-application=\"{late}\"", overdueSection, StringComparison.Ordinal);
        Assert.Contains("Pemohon Terlambat", overdueSection, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Id, overdueSection, StringComparison.Ordinal);
        Assert.Contains($"data-application=\"{soon}\"", soonSection, StringComparison.Ordinal);

        Assert.True(json.GetProperty("total").GetInt32() >= 3);
        var perWeek = json.GetProperty("perWeek").EnumerateArray().ToList();
        Assert.Equal(12, perWeek.Count);
        Assert.True(perWeek[^1].GetProperty("count").GetInt32() >= 1, perWeek[^1].ToString()); // this week's submissions
        Assert.Equal(
            json.GetProperty("byStatus").EnumerateArray().Sum(c => c.GetProperty("amount").GetInt64()),
            json.GetProperty("byRegency").EnumerateArray().Sum(c => c.GetProperty("amount").GetInt64()));
        Assert.True(json.GetProperty("byStatus").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "InReview").GetProperty("count").GetInt32() >= 1);
        Assert.Equal(5, json.GetProperty("byRegency").EnumerateArray().Count(c => c.GetProperty("key").GetString()!.StartsWith("65", StringComparison.Ordinal)));
        Assert.Contains(json.GetProperty("overdue").EnumerateArray(), x => x.GetProperty("applicationId").GetString() == late);
    }
}
