using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Imports;

namespace UmkmCredit.Server.Tests.Imports;

/// <summary>
/// Bulk intake over HTTP on the real engine and Azurite: a 1,000-row file with 20 bad rows becomes 980 applications and
/// 20 row errors in Indonesian; the same file again creates nothing; bad files are refused with problem+json.
/// </summary>
[Collection(ImportServerCollection.Name)]
public sealed class BulkImportTests(ImportServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    /// <summary>The rows made bad on purpose, and the field each one's error names.</summary>
    private static readonly Dictionary<int, (string Path, Action<string[]> Spoil)> BadRows = Enumerable.Range(0, 20).ToDictionary(
        i => 25 + (i * 49),
        i => (i % 5) switch
        {
            0 => ("applicant.nik", (Action<string[]>)(r => r[0] = "12345")),
            1 => ("applicant.fullName", r => r[1] = string.Empty),
            2 => ("request.amount", r => r[17] = "lima puluh juta"),
            3 => ("consent.dataProcessing", r => r[21] = "tidak"),
            _ => ("business.regency", r => r[10] = "9999"),
        });

    [Fact]
    public async Task A_thousand_rows_with_twenty_bad_ones_become_980_applications_and_the_same_file_again_creates_nothing()
    {
        var rows = Enumerable.Range(1, 1000).Select(n =>
        {
            var row = ImportSamples.Row(n, batch: 0);
            if (BadRows.TryGetValue(n, out var bad))
            {
                bad.Spoil(row);
            }

            return row;
        }).ToList();
        var file = ImportSamples.Csv(rows);
        var before = await StorageProbe.CountAsync(Server);

        var (importId, statusUrl) = await StartAsync(file);
        var status = await WaitCompletedAsync(importId);

        Assert.Equal(1000, status.GetProperty("total").GetInt32());
        Assert.Equal(1000, status.GetProperty("done").GetInt32());
        Assert.Equal(20, status.GetProperty("failed").GetInt32());
        var results = status.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 1000), results.Select(r => r.GetProperty("row").GetInt32()));
        var failed = results.Where(r => r.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array).ToList();
        Assert.Equal(BadRows.Keys.Order(), failed.Select(r => r.GetProperty("row").GetInt32()));
        foreach (var row in failed)
        {
            var errors = row.GetProperty("errors").EnumerateArray().ToList();
            var expected = BadRows[row.GetProperty("row").GetInt32()].Path;
            Assert.Contains(errors, e => e.GetProperty("path").GetString() == expected);
            Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
            Assert.False(row.TryGetProperty("applicationId", out var id) && id.ValueKind == JsonValueKind.String);
        }

        var applicationIds = results.Where(r => r.TryGetProperty("applicationId", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(r => r.GetProperty("applicationId").GetString()).ToList();
        Assert.Equal(980, applicationIds.Distinct().Count());
        var afterFirst = await StorageProbe.CountAsync(Server);
        Assert.Equal(980, afterFirst.Applications - before.Applications);

        // an imported application is an ordinary one: the applicant's status answers with the usual fields
        using (var detail = await AdminGetAsync($"/api/admin/applications/{applicationIds[0]}"))
        {
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        }

        // the same file again: the same import, nothing new
        var (again, againUrl) = await StartAsync(file);
        Assert.Equal(importId, again);
        Assert.Equal(statusUrl, againUrl);
        var secondStatus = await WaitCompletedAsync(again);
        Assert.Equal(applicationIds, secondStatus.GetProperty("rows").EnumerateArray()
            .Where(r => r.TryGetProperty("applicationId", out var id) && id.ValueKind == JsonValueKind.String).Select(r => r.GetProperty("applicationId").GetString()).ToList());

        // and a run of rows submitted again (as a retried activity would be) finds the applications it made the first time
        await Server.Get<ImportRows>().RunAsync(new ImportRowsInput(importId, 1, 32));
        var rerun = await WaitCompletedAsync(importId);
        Assert.Equal(results.Take(32).Select(r => r.ToString()), rerun.GetProperty("rows").EnumerateArray().Take(32).Select(r => r.ToString()));
        Assert.Equal(afterFirst.Applications, (await StorageProbe.CountAsync(Server)).Applications);
    }

    [Fact]
    public async Task Bad_files_are_refused_with_problem_json_and_store_nothing()
    {
        var before = await StorageProbe.CountAsync(Server);
        var valid = ImportSamples.Row(1, batch: 1);

        await AssertRefusedAsync(Encoding.UTF8.GetBytes(string.Empty), "text/csv", HttpStatusCode.BadRequest, "csv.header");
        await AssertRefusedAsync(ImportSamples.Csv([], ImportSamples.Columns), "text/csv", HttpStatusCode.BadRequest, "csv.empty");
        await AssertRefusedAsync(ImportSamples.Csv([[.. valid, "x"]], [.. ImportSamples.Columns, "applicant.shoeSize"]), "text/csv", HttpStatusCode.BadRequest, "csv.column");
        await AssertRefusedAsync(Encoding.UTF8.GetBytes("applicant.nik,applicant.fullName\r\n\"6571014108900001,Siti\r\n"), "text/csv", HttpStatusCode.BadRequest, "csv.quote");
        await AssertRefusedAsync(ImportSamples.Csv(Enumerable.Range(1, 5001).Select(n => ImportSamples.Row(n, 2))), "text/csv", HttpStatusCode.BadRequest, "csv.rows");
        await AssertRefusedAsync([0xFF, 0xFE, 0x00, 0x41], "text/csv", HttpStatusCode.BadRequest, "csv.encoding");
        await AssertRefusedAsync(ImportSamples.Csv([valid]), "application/json", HttpStatusCode.UnsupportedMediaType, null);
        await AssertRefusedAsync(new byte[5 * 1024 * 1024], "text/csv", HttpStatusCode.RequestEntityTooLarge, null);

        using var unknown = await AdminGetAsync("/api/admin/imports/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noKey = await Server.Http.PostAsync(new Uri("/api/admin/imports", UriKind.Relative), CsvContent(ImportSamples.Csv([valid])));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(before, await StorageProbe.CountAsync(Server));
    }

    private async Task AssertRefusedAsync(byte[] body, string contentType, HttpStatusCode expected, string? code)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await AdminPostAsync(content);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (code is not null)
        {
            var problem = await ApiCalls.ProblemAsync(response);
            Assert.Contains(code, problem.GetProperty("errorCodes").GetProperty("file").EnumerateArray().Select(c => c.GetString()));
        }
    }

    private async Task<(string ImportId, string StatusUrl)> StartAsync(byte[] file)
    {
        using var response = await AdminPostAsync(CsvContent(file));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var statusUrl = body.GetProperty("statusUrl").GetString()!;
        Assert.Equal(statusUrl, response.Headers.Location?.ToString());
        return (body.GetProperty("importId").GetString()!, statusUrl);
    }

    private async Task<JsonElement> WaitCompletedAsync(string importId)
    {
        // No fixed time limit (a busy machine is slower); a stall — no row done for three minutes — fails.
        var lastDone = -1;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var response = await AdminGetAsync($"/api/admin/imports/{importId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (status.GetProperty("status").GetString() == "Completed")
            {
                return status;
            }

            var done = status.GetProperty("done").GetInt32();
            if (done != lastDone)
            {
                (lastDone, deadline) = (done, DateTime.UtcNow.AddMinutes(3));
            }

            Assert.True(DateTime.UtcNow < deadline, $"import {importId} stalled: {done} rows done");
            await Task.Delay(500);
        }
    }

    private static ByteArrayContent CsvContent(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }

    private Task<HttpResponseMessage> AdminPostAsync(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/admin/imports", UriKind.Relative)) { Content = content };
        request.Headers.Add("x-functions-key", ServerInstance.AdminKey);
        return Server.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> AdminGetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-functions-key", ServerInstance.AdminKey);
        return Server.Http.SendAsync(request);
    }
}
