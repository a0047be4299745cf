using UmkmCredit.Server.Tests.Admin;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Server.Tests.Intake;

[Collection(DefaultServerCollection.Name)]
public sealed class SubmissionTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task Json_submission_without_documents_waits_for_documents_and_stores_everything()
    {
        var json = Samples.Application();
        var nik = json["applicant"]!["nik"]!.GetValue<string>();
        var app = await Server.SubmitAsync(ApiCalls.Json(json));

        Assert.Equal("Submitted", app.Body.GetProperty("status").GetString());
        Assert.Equal($"{Server.BaseUrl}/api/applications/{app.Id}", app.Body.GetProperty("statusUrl").GetString());
        var status = await Server.WaitForStatusAsync(app, "AwaitingDocuments");
        Assert.True(status.TryGetProperty("deadline", out var deadline) && deadline.GetString()!.EndsWith('Z'));
        Assert.Contains("documents.missing", status.GetProperty("reasonCodes").EnumerateArray().Select(x => x.GetString()));

        var clients = Server.Get<StorageClients>();
        var blob = clients.Container(StorageNames.Applications).GetBlobClient($"{app.Id}/application.json");
        var stored = (await blob.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Siti Aminah", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Token, stored, StringComparison.Ordinal); // only a hash of the token is kept

        // The status is published before the activity that writes the audit entry and the index row runs: wait for the row.
        await Server.WaitForIndexAsync(app.Id, UmkmCredit.Domain.Applications.ApplicationStatus.AwaitingDocuments);
        var index = await Server.Get<IApplicationIndex>().GetAsync(app.Id);
        Assert.NotNull(index);
        Assert.Equal(UmkmCredit.Domain.Applications.ApplicationStatus.AwaitingDocuments, index!.Status);
        var instance = await Server.Get<DurableTaskClient>().GetInstanceAsync(app.Id);
        Assert.NotNull(instance);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);

        var audit = await Server.Get<IAuditTrail>().ReadAsync(app.Id);
        Assert.Equal("application.submitted", audit[0].Event);
        Assert.Contains(audit, e => e.Event == "status.AwaitingDocuments");
        var mail = await Server.Outbox.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("Menunggu", StringComparison.Ordinal));
        Assert.DoesNotContain(nik, mail.TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploading_the_missing_documents_moves_the_application_into_review()
    {
        var app = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));
        await Server.WaitForStatusAsync(app, "AwaitingDocuments");

        foreach (var kind in Samples.RequiredKinds)
        {
            var content = new ByteArrayContent(kind == "business-photo" ? Samples.Png() : Samples.Pdf(kind));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{app.Id}/documents/{kind}") { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
            using var response = await Server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(kind, doc.GetProperty("kind").GetString());
            Assert.Equal(64, doc.GetProperty("sha256").GetString()!.Length);
        }

        var status = await Server.WaitForStatusAsync(app, "InReview");
        Assert.Equal(4, status.GetProperty("documents").GetArrayLength());
        var photo = Server.Get<StorageClients>().Container(StorageNames.Documents).GetBlobClient($"{app.Id}/business-photo");
        var props = (await photo.GetPropertiesAsync()).Value;
        Assert.Equal("image/png", props.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Samples.Png())), props.Metadata["sha256"]);
    }

    [Fact]
    public async Task Multipart_submission_with_documents_goes_straight_to_review_and_notifies_the_reviewer()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission());

        await Server.WaitForStatusAsync(app, "InReview");
        var token = await Server.ReviewTokenAsync(app.Id);
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task Ineligible_application_is_rejected_with_every_reason()
    {
        var json = Samples.Application();
        json["business"]!["startedOn"] = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var app = await Server.SubmitAsync(ApiCalls.Json(json));

        var status = await Server.WaitForStatusAsync(app, "Rejected");
        Assert.NotEmpty(status.GetProperty("reasons").EnumerateArray());
        var mail = await Server.Outbox.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("Ditolak", StringComparison.Ordinal));
        Assert.Contains("Alasan", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_idempotency_key_from_32_concurrent_clients_creates_exactly_one_application()
    {
        var key = "key-" + Guid.NewGuid().ToString("N");
        var body = Samples.Application("idem@example.id").ToJsonString();
        var before = await StorageProbe.CountAsync(Server);

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            using var response = await Server.PostAsync("/api/applications", new StringContent(body, Encoding.UTF8, "application/json"), key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = responses.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("applicationId").GetString()).Distinct().ToList();
        Assert.Single(ids);
        var tokens = responses.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("accessToken").GetString()).Distinct().ToList();
        Assert.Single(tokens);
        var after = await StorageProbe.CountAsync(Server);
        Assert.Equal(before.Applications + 1, after.Applications);
        Assert.Equal(before.IndexRows + 1, after.IndexRows);
    }

    [Fact]
    public async Task Same_idempotency_key_with_a_different_body_is_a_conflict()
    {
        var key = "key-" + Guid.NewGuid().ToString("N");
        var nik = Samples.UniqueNik(); // the same person each time: only the amount differs
        var first = await Server.SubmitAsync(ApiCalls.Json(Samples.Application(nik: nik)), key);
        var changed = Samples.Application(nik: nik);
        changed["request"]!["amount"] = 40000000;

        using var response = await Server.PostAsync("/api/applications", ApiCalls.Json(changed), key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await ApiCalls.ProblemAsync(response);
        var again = await Server.SubmitAsync(ApiCalls.Json(Samples.Application(nik: nik)), key);
        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public async Task A_second_start_of_a_running_application_is_refused_and_leaves_its_state_alone()
    {
        // What a retried submission and the recovery sweep do when both found no instance a moment earlier.
        var app = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));
        await Server.WaitForStatusAsync(app, "AwaitingDocuments");
        var durable = Server.Get<DurableTaskClient>();
        var before = await durable.GetInstanceAsync(app.Id, getInputsAndOutputs: true);

        var started = await InstanceStarts.TryStartAsync(durable, WorkflowNames.Orchestrations.Application,
            new ApplicationWorkflowInput(app.Id, "6501", "perdagangan", DateTime.UtcNow), app.Id, CancellationToken.None);

        Assert.False(started);
        var after = await durable.GetInstanceAsync(app.Id, getInputsAndOutputs: true);
        Assert.NotNull(after);
        Assert.Equal(OrchestrationRuntimeStatus.Running, after!.RuntimeStatus);
        Assert.Equal(before!.CreatedAt, after.CreatedAt);
        Assert.Equal(before.SerializedInput, after.SerializedInput);
        Assert.Equal(before.SerializedCustomStatus, after.SerializedCustomStatus);
        Assert.Equal("AwaitingDocuments", (await Server.StatusAsync(app)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_storing_and_starting_finishes_the_job()
    {
        var (first, json, key) = await SubmitCutBeforeStartAsync("crash@example.id");
        var durable = Server.Get<DurableTaskClient>();
        Assert.Null(await durable.GetInstanceAsync(first.Id));

        var retry = await Server.SubmitAsync(ApiCalls.Json(json), key);

        Assert.Equal(first.Id, retry.Id);
        Assert.NotNull(await durable.GetInstanceAsync(retry.Id));
        await Server.WaitForStatusAsync(retry, "AwaitingDocuments");
    }

    [Fact]
    public async Task A_withdrawal_in_the_moment_between_storing_and_starting_is_refused_with_503_not_lost()
    {
        var (first, json, key) = await SubmitCutBeforeStartAsync("withdraw-early@example.id");
        var durable = Server.Get<DurableTaskClient>();

        using (var early = await WithdrawAsync(first))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
            Assert.Equal(TimeSpan.FromMinutes(1), early.Headers.RetryAfter?.Delta);
            Assert.Contains("Coba lagi", (await ApiCalls.ProblemAsync(early)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Null(await durable.GetInstanceAsync(first.Id)); // nothing was raised into the void

        var retry = await Server.SubmitAsync(ApiCalls.Json(json), key); // the retry (or the sweep) starts the workflow
        using (var withdrawn = await WithdrawAsync(retry))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        }

        await Server.WaitForStatusAsync(retry, "Withdrawn");
    }

    /// <summary>
    /// A submission as a crash between storing and starting leaves it: the key reserved and the application stored, but no
    /// orchestration (its instance is terminated and purged).
    /// </summary>
    private async Task<(Submitted App, System.Text.Json.Nodes.JsonObject Json, string Key)> SubmitCutBeforeStartAsync(string email)
    {
        var key = "key-" + Guid.NewGuid().ToString("N");
        var json = Samples.Application(email);
        var app = await Server.SubmitAsync(ApiCalls.Json(json), key);
        var durable = Server.Get<DurableTaskClient>();
        await durable.WaitForInstanceStartAsync(app.Id);
        await durable.TerminateInstanceAsync(app.Id);
        await durable.WaitForInstanceCompletionAsync(app.Id);
        await durable.PurgeInstanceAsync(app.Id);
        return (app, json, key);
    }

    private async Task<HttpResponseMessage> WithdrawAsync(Submitted app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        return await Server.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_token_from_one_application_cannot_read_another()
    {
        var a = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));
        var b = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{b.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", a.Token);
        using var foreign = await Server.Http.SendAsync(request);
        using var missing = await Server.Http.GetAsync(new Uri($"/api/applications/{b.Id}", UriKind.Relative));
        using var viaQuery = await Server.Http.GetAsync(new Uri($"/api/applications/{b.Id}?token={Uri.EscapeDataString(b.Token)}", UriKind.Relative));
        using var tampered = await Server.Http.GetAsync(new Uri($"/api/applications/{b.Id}?token={Uri.EscapeDataString(b.Token[..^1] + (b.Token[^1] == 'A' ? 'B' : 'A'))}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaQuery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
    }

    [Fact]
    public async Task Withdraw_ends_the_application_and_later_changes_are_refused()
    {
        var app = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));
        await Server.WaitForStatusAsync(app, "AwaitingDocuments");

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Server.WaitForStatusAsync(app, "Withdrawn");

        var again = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw");
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var second = await Server.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{app.Id}/documents/ktp") { Content = new ByteArrayContent(Samples.Pdf()) };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var upload = await Server.Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);

        var resubmit = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{app.Id}/resubmit") { Content = ApiCalls.Json(Samples.Application()) };
        resubmit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
        using var resubmitted = await Server.Http.SendAsync(resubmit);
        Assert.Equal(HttpStatusCode.Conflict, resubmitted.StatusCode);
    }

    [Fact]
    public async Task Status_page_and_portal_are_html_in_indonesian()
    {
        var app = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}?token={Uri.EscapeDataString(app.Token)}");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await Server.Http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        using var portal = await Server.Http.GetAsync(new Uri("/api/portal", UriKind.Relative));
        var portalHtml = await portal.Content.ReadAsStringAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Status permohonan", html, StringComparison.Ordinal);
        Assert.Contains("Amplang Bu Siti", html, StringComparison.Ordinal);
        Assert.DoesNotContain("6571015508900003", html, StringComparison.Ordinal);
        Assert.Contains("Ajukan kredit usaha", portalHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", portalHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", portalHtml, StringComparison.Ordinal); // nothing from a CDN
        Assert.Contains("name=\"consent.dataProcessing\"", portalHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("consent.whatsapp", portalHtml, StringComparison.Ordinal); // WhatsApp not configured here: not offered
    }

    [Fact]
    public async Task Health_answers_ok_when_engine_and_storage_answer()
    {
        using var response = await Server.Http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

}
