using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Server.Tests.Admin;

/// <summary>Admin calls with the test server's key, and set-up shared by the admin tests.</summary>
internal static class AdminCalls
{
    public static Task<HttpResponseMessage> AdminGetAsync(this ServerInstance server, string path, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", ServerInstance.AdminKey);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return server.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> AdminPostAsync(this ServerInstance server, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", ServerInstance.AdminKey);
        return server.Http.SendAsync(request);
    }

    public static async Task<JsonElement> AdminJsonAsync(this ServerInstance server, string path)
    {
        using var response = await server.AdminGetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Follows continuation tokens to the end; returns every item and the number of pages.</summary>
    public static async Task<(List<JsonElement> Items, int Pages)> ListAllAsync(this ServerInstance server, string query)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        string? token = null;
        do
        {
            var path = "/api/admin/applications?" + query + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await server.AdminJsonAsync(path);
            pages++;
            items.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            Assert.True(pages < 500, "the list never ended");
        }
        while (token is not null);

        return (items, pages);
    }

    /// <summary>
    /// A complete submission that reaches review, with its review link token, once the read model shows it in review.
    /// The orchestration publishes InReview (what the applicant's status shows) before its RecordStatusChange activity
    /// writes the audit entry and the index row that the admin list, detail and dashboard read: wait for that row.
    /// </summary>
    public static async Task<(Submitted App, string ReviewToken)> InReviewAsync(this ServerInstance server, string? email = null, string regency = "6571",
        string reviewerEmail = "analis.umkm.trk@kaltaraprov.example", string? fullName = null, string? nik = null)
    {
        var application = Samples.Application(email, nik);
        application["business"]!["regency"] = regency;
        if (fullName is not null)
        {
            application["applicant"]!["fullName"] = fullName;
        }

        var app = await server.SubmitAsync(Samples.Multipart(application, Samples.RequiredKinds.Select(k => (k, k == "business-photo" ? Samples.Png() : Samples.Pdf(k)))));
        await server.WaitForStatusAsync(app, "InReview");
        var token = await server.ReviewTokenAsync(app.Id, reviewerEmail);
        await server.WaitForIndexAsync(app.Id, ApplicationStatus.InReview);
        return (app, token);
    }

    /// <summary>Polls the index (the admin read model) until the application's row has <paramref name="status"/>.</summary>
    public static async Task WaitForIndexAsync(this ServerInstance server, string applicationId, ApplicationStatus status)
    {
        var index = server.Get<IApplicationIndex>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        IndexEntry? row;
        while ((row = await index.GetAsync(applicationId)) is null || row.Status != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the index row of {applicationId} stayed {row?.Status.ToString() ?? "absent"}, expected {status}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Writes an index row for an id that has no stored application (the read model is what the list and the
    /// dashboard show). InReview rows are skipped by the reminder sweep unless their deadline is within the lead time.
    /// </summary>
    public static async Task<string> SeedIndexRowAsync(this ServerInstance server, string regency, DateTime deadlineUtc, string name = "Baris Uji")
    {
        var id = Guid.NewGuid().ToString("N");
        var now = DateTime.UtcNow;
        await server.Get<IApplicationIndex>().UpsertAsync(new IndexEntry(id, ApplicationStatus.InReview, regency, name, 25_000_000, now.AddDays(-7), now, deadlineUtc, 3));
        return id;
    }

    /// <summary>Letters only (names may not carry digits), unique enough to find one's own line.</summary>
    public static string UniqueWord() => new(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))).ToArray());
}
