using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Privacy;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Server.Tests.Privacy;

/// <summary>A server whose final applications are due for purging at once (<c>Retention:FinalApplications</c> = 0); the job runs only when a test calls it.</summary>
public sealed class RetentionFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The server.</summary>
    public ServerInstance Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Retention:FinalApplications"] = "00:00:00",
            ["Retention:Schedule"] = "0 0 0 1 1 *", // once a year: the tests run the command themselves
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<RetentionFixture>
{
    public const string Name = "retention server";
}

[Collection(RetentionCollection.Name)]
public sealed class PersonalDataTests(RetentionFixture fixture)
{
    private const string BankEmail = "kredit.trk@bank.example";
    private const string OpdEmail = "kadis.umkm.trk@kaltaraprov.example";

    private ServerInstance Server => fixture.Server;

    private StorageClients Storage => Server.Get<StorageClients>();

    private DurableTaskClient Durable => Server.Get<DurableTaskClient>();

    [Fact]
    public async Task Export_is_a_zip_of_the_application_documents_history_and_audit()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission("export@example.id"));
        var status = await Server.WaitForStatusAsync(app, "InReview");
        var reference = status.GetProperty("reference").GetString()!;

        using var response = await Send(HttpMethod.Get, $"/api/applications/{app.Id}/export", app.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(reference, response.Content.Headers.ContentDisposition?.FileName ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("permohonan.json", names);
        Assert.Contains("riwayat-status.json", names);
        Assert.Contains("jejak-audit.json", names);
        Assert.All(Samples.RequiredKinds, kind => Assert.Contains(names, n => n.StartsWith($"dokumen/{kind}.", StringComparison.Ordinal)));
        var application = JsonDocument.Parse(zip.GetEntry("permohonan.json")!.Open()).RootElement;
        Assert.Equal("Siti Aminah", application.GetProperty("application").GetProperty("applicant").GetProperty("fullName").GetString());
        var history = JsonDocument.Parse(zip.GetEntry("riwayat-status.json")!.Open()).RootElement;
        Assert.Contains(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "InReview");
        var audit = JsonDocument.Parse(zip.GetEntry("jejak-audit.json")!.Open()).RootElement;
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("event").GetString() == AuditEvents.ApplicationSubmitted);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("event").GetString() == AuditEvents.ApplicationExported);

        using var foreign = await Send(HttpMethod.Get, $"/api/applications/{app.Id}/export", "not-the-token");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Erase_is_refused_while_active_and_removes_only_that_applications_personal_data_after_withdrawal()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission("erase@example.id"));
        var other = await Server.SubmitAsync(Samples.CompleteSubmission("erase-other@example.id"));
        await Server.WaitForStatusAsync(app, "InReview");
        await Server.WaitForStatusAsync(other, "InReview");
        var nik = JsonDocument.Parse(await ReadBlobAsync(StorageNames.Applications, $"{app.Id}/application.json")).RootElement
            .GetProperty("application").GetProperty("applicant").GetProperty("nik").GetString()!;

        using (var refused = await Send(HttpMethod.Post, $"/api/applications/{app.Id}/erase", app.Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("masih berjalan", (await ApiCalls.ProblemAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var withdraw = await Send(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdraw.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "Withdrawn");
        await WaitForEngineToFinishAsync(app.Id);

        using (var erased = await Send(HttpMethod.Post, $"/api/applications/{app.Id}/erase", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        }

        await AssertErasedAsync(app.Id, nik);
        Assert.Null(await Durable.GetInstanceAsync(app.Id));
        var row = await Server.Get<IApplicationIndex>().GetAsync(app.Id);
        Assert.Equal((string.Empty, 0L, "Withdrawn"), (row!.ApplicantName, row.Amount, row.Status.ToString()));
        var claim = await Server.Get<INikClaims>().GetAsync(ActiveApplicationGuard.KeyOf(nik));
        Assert.True(claim is null || claim.Released || claim.ApplicationId != app.Id);

        using (var status = await Send(HttpMethod.Get, $"/api/applications/{app.Id}", app.Token))
        {
            Assert.Equal(HttpStatusCode.Gone, status.StatusCode);
            Assert.Contains("sudah dihapus", (await ApiCalls.ProblemAsync(status)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var again = await Send(HttpMethod.Post, $"/api/applications/{app.Id}/erase", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        Assert.Single(await Server.Get<IAuditTrail>().ReadAsync(app.Id), e => e.Event == AuditEvents.ApplicationErased);

        // The other application is untouched.
        var otherStatus = await Server.StatusAsync(other);
        Assert.Equal("InReview", otherStatus.GetProperty("status").GetString());
        Assert.Equal(Samples.RequiredKinds.Count, otherStatus.GetProperty("documents").GetArrayLength());
        Assert.Contains("Siti Aminah", await ReadBlobAsync(StorageNames.Applications, $"{other.Id}/application.json"), StringComparison.Ordinal);
        Assert.Equal("Siti Aminah", (await Server.Get<IApplicationIndex>().GetAsync(other.Id))!.ApplicantName);
    }

    [Fact]
    public async Task An_erasure_interrupted_before_the_blob_is_replaced_is_finished_by_a_retry()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission("erase-crash@example.id"));
        await Server.WaitForStatusAsync(app, "InReview");
        var nik = JsonDocument.Parse(await ReadBlobAsync(StorageNames.Applications, $"{app.Id}/application.json")).RootElement
            .GetProperty("application").GetProperty("applicant").GetProperty("nik").GetString()!;
        using (var withdraw = await Send(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdraw.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "Withdrawn");
        await WaitForEngineToFinishAsync(app.Id);

        // The process "dies" after the audit intent, the NIK release, the documents and the engine purge, before the blob.
        var crashing = new CrashBeforeTombstoneStore(Server.Get<IPersonalDataStore>());
        var eraser = new PersonalDataEraser(Server.Get<IApplicationRepository>(), crashing, Server.Get<IAuditTrail>(), Server.Get<IApplicationIndex>(),
            Server.Get<ActiveApplicationGuard>(), Server.Get<UmkmCredit.Workflow.Webhooks.WebhookRetirement>(), TimeProvider.System, NullLogger<PersonalDataEraser>.Instance);
        await Assert.ThrowsAsync<IOException>(() => eraser.EraseAsync(app.Id,
            new ErasureRequest(AuditEvents.ApplicationErased, AuditActors.Applicant, UmkmCredit.Domain.Applications.ApplicationStatus.Withdrawn, DateTime.UtcNow), Durable, CancellationToken.None));
        Assert.Contains(nik, await ReadBlobAsync(StorageNames.Applications, $"{app.Id}/application.json"), StringComparison.Ordinal); // the window
        Assert.Empty(await Server.Get<IDocumentRepository>().ListAsync(app.Id));
        Assert.Null(await Durable.GetInstanceAsync(app.Id)); // the snapshot is gone: the retry must not take it for "active"

        using (var retry = await Send(HttpMethod.Post, $"/api/applications/{app.Id}/erase", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        }

        await AssertErasedAsync(app.Id, nik);
        Assert.Single(await Server.Get<IAuditTrail>().ReadAsync(app.Id), e => e.Event == AuditEvents.ApplicationErased);
    }

    [Fact]
    public async Task The_status_page_downloads_and_erases_with_plain_forms()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission("erase-page@example.id"));
        await Server.WaitForStatusAsync(app, "InReview");
        var page = await PageAsync($"/api/applications/{app.Id}?token={Uri.EscapeDataString(app.Token)}");
        Assert.Contains($"/api/applications/{app.Id}/export?token=", page, StringComparison.Ordinal);
        Assert.Contains("Unduh data saya", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"erase\"", page, StringComparison.Ordinal);

        using (var withdraw = await Send(HttpMethod.Post, $"/api/applications/{app.Id}/withdraw", app.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdraw.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "Withdrawn");
        page = await PageAsync($"/api/applications/{app.Id}?token={Uri.EscapeDataString(app.Token)}");
        Assert.Contains("id=\"erase\"", page, StringComparison.Ordinal);

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Server.BaseUrl) };
        noRedirect.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using (var confirm = await noRedirect.PostAsync(new Uri($"/api/applications/{app.Id}/erase", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = app.Token })))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            Assert.Contains("Ya, hapus data saya", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("Siti Aminah", await ReadBlobAsync(StorageNames.Applications, $"{app.Id}/application.json"), StringComparison.Ordinal); // nothing erased yet
        using var done = await noRedirect.PostAsync(new Uri($"/api/applications/{app.Id}/erase", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = app.Token, ["confirm"] = "ya" }));
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        using var after = await noRedirect.GetAsync(done.Headers.Location);
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.Equal("text/html", after.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sudah dihapus", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_purges_an_old_withdrawn_application_with_its_engine_history_and_keeps_signed_and_active_ones()
    {
        var withdrawn = await Server.SubmitAsync(Samples.CompleteSubmission("retention-withdrawn@example.id"));
        var active = await Server.SubmitAsync(Samples.CompleteSubmission("retention-active@example.id"));
        var signed = await Server.SubmitAsync(Samples.CompleteSubmission("retention-signed@example.id"));
        await Server.WaitForStatusAsync(withdrawn, "InReview");
        await Server.WaitForStatusAsync(active, "InReview");
        await Server.WaitForStatusAsync(signed, "InReview");
        var nik = JsonDocument.Parse(await ReadBlobAsync(StorageNames.Applications, $"{withdrawn.Id}/application.json")).RootElement
            .GetProperty("application").GetProperty("applicant").GetProperty("nik").GetString()!;
        using (var withdraw = await Send(HttpMethod.Post, $"/api/applications/{withdrawn.Id}/withdraw", withdrawn.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdraw.StatusCode);
        }

        using (var approve = await Server.DecideAsync(await Server.ReviewTokenAsync(signed.Id), new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await Server.WaitForStatusAsync(signed, "AwaitingSignatures");
        await Server.SignAsSignerAsync(await Server.SignTokenAsync(signed.Id, "retention-signed@example.id"), "retention-signed@example.id", "Siti Aminah");
        await Server.SignAsSignerAsync(await Server.SignTokenAsync(signed.Id, BankEmail), BankEmail, "Pimpinan Cabang Tarakan");
        await Server.SignAsSignerAsync(await Server.SignTokenAsync(signed.Id, OpdEmail), OpdEmail, "Kepala Dinas Koperasi dan UKM Tarakan");
        await Server.WaitForStatusAsync(signed, "Completed");
        await Server.WaitForStatusAsync(withdrawn, "Withdrawn");
        await WaitForEngineToFinishAsync(withdrawn.Id);
        await WaitForEngineToFinishAsync(signed.Id);
        Assert.NotNull(await Durable.GetInstanceAsync(withdrawn.Id));

        var result = await Server.Get<RunRetention>().ExecuteAsync(Durable);
        Assert.True(result.Purged >= 1, $"purged {result.Purged}");
        Assert.Equal(0, result.Failed);

        // The withdrawn one: nothing personal left, engine history gone, only the tombstone in the audit.
        await AssertErasedAsync(withdrawn.Id, nik);
        Assert.Null(await Durable.GetInstanceAsync(withdrawn.Id));
        Assert.Null(await Server.Get<IApplicationIndex>().GetAsync(withdrawn.Id));
        var trail = await Server.Get<IAuditTrail>().ReadAsync(withdrawn.Id);
        Assert.Equal([AuditEvents.ApplicationPurged], trail.Select(e => e.Event));

        // The signed one and the active one are untouched.
        var signedStatus = await Server.StatusAsync(signed);
        Assert.Equal("Completed", signedStatus.GetProperty("status").GetString());
        Assert.Equal(Samples.RequiredKinds.Count, signedStatus.GetProperty("documents").GetArrayLength());
        Assert.True((await Storage.Container(StorageNames.Agreements).GetBlobClient($"{signed.Id}/signed.pdf").ExistsAsync()).Value);
        Assert.Contains(await Server.Get<IAuditTrail>().ReadAsync(signed.Id), e => e.Event == AuditEvents.AgreementSigned);
        Assert.NotNull(await Durable.GetInstanceAsync(signed.Id));
        var activeStatus = await Server.StatusAsync(active);
        Assert.Equal("InReview", activeStatus.GetProperty("status").GetString());
        Assert.Equal(Samples.RequiredKinds.Count, activeStatus.GetProperty("documents").GetArrayLength());
        Assert.NotNull(await Durable.GetInstanceAsync(active.Id));

        // A second run finds nothing more of these to do.
        await Server.Get<RunRetention>().ExecuteAsync(Durable);
        Assert.Equal([AuditEvents.ApplicationPurged], (await Server.Get<IAuditTrail>().ReadAsync(withdrawn.Id)).Select(e => e.Event));
    }

    private async Task AssertErasedAsync(string id, string nik)
    {
        var blob = await ReadBlobAsync(StorageNames.Applications, $"{id}/application.json");
        foreach (var personal in new[] { nik, "Siti Aminah", "+6281234567890", "@example.id", "Yos Sudarso", "Amplang" })
        {
            Assert.DoesNotContain(personal, blob, StringComparison.Ordinal);
        }

        Assert.Contains("\"tombstone\":true", blob, StringComparison.Ordinal);
        var versions = new List<string>();
        await foreach (var item in Storage.Container(StorageNames.Applications).GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{id}/", CancellationToken.None))
        {
            versions.Add(item.Name);
        }

        Assert.Equal([$"{id}/application.json"], versions);
        Assert.Empty(await Server.Get<IDocumentRepository>().ListAsync(id));
        var audit = await Server.Get<IAuditTrail>().ReadAsync(id);
        var tombstone = Assert.Single(audit, e => e.Event is AuditEvents.ApplicationErased or AuditEvents.ApplicationPurged);
        Assert.DoesNotContain(nik, JsonSerializer.Serialize(tombstone), StringComparison.Ordinal);
    }

    private async Task WaitForEngineToFinishAsync(string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Durable.WaitForInstanceCompletionAsync(id, cts.Token);
    }

    private async Task<string> ReadBlobAsync(string container, string name) =>
        (await Storage.Container(container).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();

    private async Task<string> PageAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Server.Http.SendAsync(request);
    }

    /// <summary>Test double: the real store, except that the process "crashes" when the blob is to become a tombstone.</summary>
    private sealed class CrashBeforeTombstoneStore(IPersonalDataStore inner) : IPersonalDataStore
    {
        public Task<ApplicationTombstone?> GetTombstoneAsync(string applicationId, CancellationToken cancellationToken = default) => inner.GetTombstoneAsync(applicationId, cancellationToken);

        public Task ReplaceWithTombstoneAsync(ApplicationTombstone tombstone, CancellationToken cancellationToken = default) => throw new IOException("simulated crash before the tombstone");

        public Task<int> DeleteDocumentsAsync(string applicationId, CancellationToken cancellationToken = default) => inner.DeleteDocumentsAsync(applicationId, cancellationToken);

        public Task DeleteAgreementFilesAsync(string applicationId, bool includingSigned, CancellationToken cancellationToken = default) => inner.DeleteAgreementFilesAsync(applicationId, includingSigned, cancellationToken);

        public Task StripIndexRowAsync(string applicationId, CancellationToken cancellationToken = default) => inner.StripIndexRowAsync(applicationId, cancellationToken);

        public Task DeleteIndexRowAsync(string applicationId, CancellationToken cancellationToken = default) => inner.DeleteIndexRowAsync(applicationId, cancellationToken);

        public Task ReplaceAuditAsync(string applicationId, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) => inner.ReplaceAuditAsync(applicationId, entries, cancellationToken);
    }
}
