using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Governance;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.Server.Tests.Admin;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Intake;

namespace UmkmCredit.Server.Tests.Intake;

/// <summary>One active application per NIK (API.md "Hardening"): 409 <c>nik.activeApplication</c>, atomic under concurrency.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class ActiveApplicationTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    private static StringContent Body(string nik) => ApiCalls.Json(Samples.Application(nik: nik));

    [Fact]
    public async Task A_second_application_of_an_active_nik_is_409_naming_the_first_reference_while_a_retry_of_the_first_still_answers_202()
    {
        var nik = Samples.UniqueNik();
        var key = "first-" + Guid.NewGuid().ToString("N");
        var first = await Server.SubmitAsync(Body(nik), key);
        var reference = first.Body.GetProperty("reference").GetString()!;

        using var second = await Server.PostAsync("/api/applications", Body(nik), "second-" + Guid.NewGuid().ToString("N"));
        var text = await second.Content.ReadAsStringAsync();
        var retry = await Server.SubmitAsync(Body(nik), key);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(ActiveApplicationRule.Code, problem.GetProperty("errorCodes").GetProperty("applicant.nik")[0].GetString());
        Assert.Contains(reference, problem.GetProperty("errors").GetProperty("applicant.nik")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(reference, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(first.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain(nik, text, StringComparison.Ordinal);
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(first.Token, retry.Token);
    }

    [Fact]
    public async Task Twenty_parallel_submissions_of_one_nik_give_exactly_one_202()
    {
        var nik = Samples.UniqueNik();

        var codes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await Server.PostAsync("/api/applications", Body(nik), $"parallel-{i}-{Guid.NewGuid():N}");
            return response.StatusCode;
        }));

        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Accepted));
        Assert.Equal(19, codes.Count(c => c == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_final_application_frees_its_nik()
    {
        var nik = Samples.UniqueNik();
        var first = await Server.SubmitAsync(Body(nik));
        await Server.WaitForStatusAsync(first, "AwaitingDocuments");
        var withdraw = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{first.Id}/withdraw");
        withdraw.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.Token);
        using (var withdrawn = await Server.Http.SendAsync(withdraw))
        {
            Assert.True(withdrawn.IsSuccessStatusCode, $"withdraw answered {(int)withdrawn.StatusCode}");
        }

        await Server.WaitForIndexAsync(first.Id, ApplicationStatus.Withdrawn);
        var claim = await WaitForClaimAsync(nik, c => c.GetBoolean("Released") == true);
        var next = await Server.SubmitAsync(Body(nik));

        Assert.Equal(first.Id, claim.GetString("ApplicationId"));
        Assert.NotEqual(first.Id, next.Id);
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_before_the_application_was_stored_blocks_only_until_the_grace_ends()
    {
        // The window: a submission took the NIK's claim, then died before writing its application (no blob, no index row).
        var fresh = Samples.UniqueNik();
        var stale = Samples.UniqueNik();
        await PutClaimAsync(fresh, "crashed" + Guid.NewGuid().ToString("N"), DateTime.UtcNow);
        await PutClaimAsync(stale, "crashed" + Guid.NewGuid().ToString("N"), DateTime.UtcNow - ActiveApplicationRule.UnstoredGrace - TimeSpan.FromSeconds(5));

        using var blocked = await Server.PostAsync("/api/applications", Body(fresh));
        var taken = await Server.SubmitAsync(Body(stale));

        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        var problem = await ApiCalls.ProblemAsync(blocked);
        Assert.Equal(ActiveApplicationRule.Code, problem.GetProperty("errorCodes").GetProperty("applicant.nik")[0].GetString());
        var claim = await ClaimAsync(stale);
        Assert.Equal(taken.Id, claim!.GetString("ApplicationId"));
    }

    [Fact]
    public async Task The_portal_shows_the_refusal_at_the_nik_field_with_the_way_to_the_lookup_page()
    {
        var nik = Samples.UniqueNik();
        var first = await Server.SubmitAsync(Body(nik));
        var reference = first.Body.GetProperty("reference").GetString()!;
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in Fields(nik))
        {
            form.Add(new StringContent(value), name);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await Server.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var field = html[html.IndexOf("id=\"err-applicant.nik\"", StringComparison.Ordinal)..];
        field = field[..field.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains(reference, field, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/lookup\"", field, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Token, html, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, string Value)> Fields(string nik) =>
    [
        ("idempotencyKey", Guid.NewGuid().ToString("N")),
        ("applicant.nik", nik), ("applicant.fullName", "Siti Aminah"), ("applicant.birthDate", "1990-08-15"), ("applicant.gender", "P"),
        ("applicant.phone", "081234567890"), ("applicant.email", "portal-nik@example.id"), ("applicant.address", "Jl. Yos Sudarso No. 10, Tarakan"),
        ("business.name", "Amplang Bu Siti"), ("business.nib", "9120301234567"), ("business.sector", "kuliner"), ("business.regency", "6571"),
        ("business.address", "Jl. Mulawarman No. 5, Tarakan"), ("business.startedOn", "2019-05-01"), ("business.employees", "3"),
        ("business.monthlyRevenue", "15000000"), ("business.halalCertified", "true"),
        ("request.scheme", "KUR_MIKRO"), ("request.amount", "50000000"), ("request.tenorMonths", "24"), ("request.purpose", "modal-kerja"),
        ("request.description", "Pembelian bahan baku dan kemasan"), ("consent.dataProcessing", "true"),
    ];

    private TableClient Claims => Server.Get<StorageClients>().Table(StorageNames.NikClaimsTable);

    private Task PutClaimAsync(string nik, string applicationId, DateTime claimedAtUtc) =>
        Claims.AddEntityAsync(new TableEntity("nik", ActiveApplicationGuard.KeyOf(nik))
        {
            ["ApplicationId"] = applicationId,
            ["ClaimedAtUtc"] = new DateTimeOffset(claimedAtUtc, TimeSpan.Zero),
            ["Released"] = false,
        });

    private async Task<TableEntity?> ClaimAsync(string nik)
    {
        var found = await Claims.GetEntityIfExistsAsync<TableEntity>("nik", ActiveApplicationGuard.KeyOf(nik));
        return found.HasValue ? found.Value : null;
    }

    private async Task<TableEntity> WaitForClaimAsync(string nik, Func<TableEntity, bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await ClaimAsync(nik) is { } claim && condition(claim))
            {
                return claim;
            }

            Assert.True(DateTime.UtcNow < until, "the claim never reached the expected state");
            await Task.Delay(100);
        }
    }
}
