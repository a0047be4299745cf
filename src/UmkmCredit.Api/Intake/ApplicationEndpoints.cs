using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Intake;

/// <summary>The applicant's routes of API.md.</summary>
public sealed class ApplicationEndpoints(
    ApplicationIntake intake,
    ApplicationAccess access,
    IApplicationRepository applications,
    IDocumentRepository documents,
    IAuditTrail audit,
    SchemeCatalog schemes,
    IOptions<LinksOptions> links,
    TimeProvider time)
{
    private static readonly ApplicationStatus[] DocumentStates =
        [ApplicationStatus.Submitted, ApplicationStatus.AwaitingDocuments, ApplicationStatus.RevisionRequested];

    /// <summary><c>POST /api/applications</c> (JSON or multipart).</summary>
    public async Task<IResult> SubmitAsync(ApiRequest r)
    {
        var request = r.Http.Request;
        var ct = r.Http.RequestAborted;
        byte[]? json;
        var uploads = new List<UploadedDocument>();
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString() : string.Empty;
        if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var (body, docs, problem) = await ReadMultipartAsync(request, parsed!, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            json = body;
            uploads.AddRange(docs);
        }
        else if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            json = await RequestReading.ReadLimitedAsync(request.Body, request.ContentLength, RequestReading.MaxJsonBytes, ct).ConfigureAwait(false);
            if (json is null)
            {
                return Problems.TooLarge("Data permohonan melebihi 256 KB.");
            }
        }
        else
        {
            return Problems.Unsupported("Kirim permohonan sebagai application/json atau multipart/form-data.");
        }

        var (outcome, parseProblem) = Validate(json);
        if (parseProblem is not null)
        {
            return parseProblem;
        }

        var hash = BodyHash(json!, uploads);
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            return Problems.Field("Idempotency-Key", "idempotencyKey.length", "Idempotency-Key paling panjang 200 karakter.");
        }

        var (ip, ua) = RequestReading.Client(request);
        var result = await intake.SubmitAsync(outcome!.Application!, uploads, key.Length == 0 ? null : key, hash, r.Durable, ip, ua, ct).ConfigureAwait(false);
        if (result.Conflict)
        {
            return Problems.Conflict("Idempotency-Key ini sudah dipakai untuk permohonan dengan isi yang berbeda.");
        }

        var statusUrl = links.Value.Absolute($"applications/{result.ApplicationId}");
        r.Http.Response.Headers.Location = statusUrl;
        return Results.Json(new
        {
            applicationId = result.ApplicationId,
            status = nameof(ApplicationStatus.Submitted),
            statusUrl,
            accessToken = result.AccessToken,
            submittedAt = result.SubmittedAtUtc,
        }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>GET /api/applications/{id}</c>: JSON or the status page.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        var (stored, problem) = await access.AuthorizeAsync(r.Http.Request, r.Value("id")).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var ct = r.Http.RequestAborted;
        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored!, ct).ConfigureAwait(false);
        var docs = await documents.ListAsync(stored!.ApplicationId, ct).ConfigureAwait(false);
        var view = new ApplicationStatusView(
            stored.ApplicationId,
            snapshot.Status,
            stored.SubmittedAtUtc,
            snapshot.UpdatedAtUtc,
            snapshot.DeadlineUtc,
            snapshot.Reasons.Select(x => x.Message).ToList(),
            snapshot.Reasons.Select(x => x.Code).ToList(),
            snapshot.Review is { } rv ? new ReviewView(rv.ReviewerName, rv.Verdict?.ToString().ToLowerInvariant(), rv.Note, rv.ApprovedAmount, rv.Recommendations, rv.DecidedAt) : null,
            (snapshot.Signatures ?? []).Select(x => new SignatureView(x.Role, x.Name, x.Status.ToString(), x.At)).ToList(),
            docs.Select(d => new DocumentView(d.Kind, d.ContentType, d.Size, d.Sha256)).ToList(),
            snapshot.Agreement is { } ag ? new AgreementView(ag.Number, ag.Status.ToString(), ag.Sha256) : null,
            snapshot.History.Select(h => new HistoryView(h.At, h.Status, h.Note)).ToList(),
            snapshot.RuleVersion);
        return RequestReading.WantsJson(r.Http.Request)
            ? Results.Json(view, ApiJson.Options)
            : Results.Content(StatusPage.Render(view, stored.Application), "text/html; charset=utf-8");
    }

    /// <summary><c>PUT /api/applications/{id}/documents/{kind}</c>.</summary>
    public async Task<IResult> PutDocumentAsync(ApiRequest r)
    {
        var (stored, problem) = await access.AuthorizeAsync(r.Http.Request, r.Value("id")).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var kind = r.Value("kind");
        if (!DocumentKinds.IsKnown(kind))
        {
            return Problems.Field("kind", "document.kind", $"Jenis dokumen tidak dikenal. Pilih salah satu: {string.Join(", ", DocumentKinds.All)}.");
        }

        var ct = r.Http.RequestAborted;
        var content = await RequestReading.ReadLimitedAsync(r.Http.Request.Body, r.Http.Request.ContentLength, RequestReading.MaxDocumentBytes, ct).ConfigureAwait(false);
        if (content is null)
        {
            return Problems.TooLarge("Ukuran dokumen paling besar 10 MB.");
        }

        var contentType = FileSignatures.Detect(content);
        if (contentType is null)
        {
            return Problems.Unsupported("Dokumen harus berupa PDF, JPEG atau PNG.");
        }

        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored!, ct).ConfigureAwait(false);
        if (!DocumentStates.Contains(snapshot.Status))
        {
            return Problems.Conflict($"Dokumen tidak dapat diubah pada status {snapshot.Status}.");
        }

        var doc = await documents.PutAsync(stored!.ApplicationId, kind, contentType, content, ct).ConfigureAwait(false);
        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(stored.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, "document.uploaded", "applicant", kind, ip, ua, doc.Sha256), ct).ConfigureAwait(false);
        await r.Durable.RaiseEventAsync(stored.ApplicationId, WorkflowNames.Events.Signal, new WorkflowSignal(SignalKind.DocumentsChanged, "applicant"), ct).ConfigureAwait(false);
        return Results.Json(new DocumentView(doc.Kind, doc.ContentType, doc.Size, doc.Sha256), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary><c>POST /api/applications/{id}/withdraw</c>.</summary>
    public async Task<IResult> WithdrawAsync(ApiRequest r)
    {
        var (stored, problem) = await access.AuthorizeAsync(r.Http.Request, r.Value("id")).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var ct = r.Http.RequestAborted;
        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored!, ct).ConfigureAwait(false);
        if (snapshot.Status.IsTerminal())
        {
            return Problems.Conflict("Permohonan ini sudah selesai diproses dan tidak dapat ditarik.");
        }

        await r.Durable.RaiseEventAsync(stored!.ApplicationId, WorkflowNames.Events.Signal,
            new WorkflowSignal(SignalKind.Withdraw, "applicant", Note: "Permohonan ditarik oleh pemohon."), ct).ConfigureAwait(false);
        return Results.Json(new { applicationId = stored.ApplicationId, status = nameof(ApplicationStatus.Withdrawn) }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>POST /api/applications/{id}/resubmit</c>.</summary>
    public async Task<IResult> ResubmitAsync(ApiRequest r)
    {
        var (stored, problem) = await access.AuthorizeAsync(r.Http.Request, r.Value("id")).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var ct = r.Http.RequestAborted;
        var json = await RequestReading.ReadLimitedAsync(r.Http.Request.Body, r.Http.Request.ContentLength, RequestReading.MaxJsonBytes, ct).ConfigureAwait(false);
        if (json is null)
        {
            return Problems.TooLarge("Data permohonan melebihi 256 KB.");
        }

        var (outcome, parseProblem) = Validate(json);
        if (parseProblem is not null)
        {
            return parseProblem;
        }

        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored!, ct).ConfigureAwait(false);
        if (snapshot.Status != ApplicationStatus.RevisionRequested)
        {
            return Problems.Conflict("Perbaikan hanya dapat dikirim ketika status permohonan \"Perlu perbaikan\".");
        }

        var revised = outcome!.Application!;
        if (revised.Business.RegencyCode != stored!.Application.Business.RegencyCode)
        {
            return Problems.Field("business.regency", "regency.changed", "Kabupaten/kota usaha tidak dapat diubah pada perbaikan; ajukan permohonan baru.");
        }

        var next = stored with { Version = stored.Version + 1, Application = revised with { ConsentedAtUtc = time.GetUtcNow().UtcDateTime } };
        await applications.SaveRevisionAsync(next, ct).ConfigureAwait(false);
        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(stored.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, "application.resubmitted", "applicant", $"v{next.Version}", ip, ua), ct).ConfigureAwait(false);
        await r.Durable.RaiseEventAsync(stored.ApplicationId, WorkflowNames.Events.Signal, new WorkflowSignal(SignalKind.Resubmitted, "applicant"), ct).ConfigureAwait(false);
        return Results.Json(new { applicationId = stored.ApplicationId, version = next.Version, status = nameof(ApplicationStatus.InReview) }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private (ValidationOutcome? Outcome, IResult? Problem) Validate(byte[]? json)
    {
        ApplicationForm? form;
        try
        {
            using (JsonDocument.Parse(json ?? []))
            {
                // syntax first, so a truncated body is "malformed" rather than a type error at some path
            }
        }
        catch (JsonException)
        {
            return (null, Problems.Field("$", "json.malformed", "Data bukan JSON yang valid."));
        }

        try
        {
            form = JsonSerializer.Deserialize<ApplicationForm>(json ?? [], ApiJson.Options);
        }
        catch (JsonException ex)
        {
            var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            return (null, path.Length == 0
                ? Problems.Field("$", "json.malformed", "Data bukan JSON yang valid.")
                : Problems.Field(path, "json.type", "Jenis nilai tidak sesuai (misalnya teks pada isian angka)."));
        }

        var outcome = ApplicationValidator.Validate(form, Wita.TodayFromUtc(time.GetUtcNow().UtcDateTime), schemes);
        return outcome.IsValid ? (outcome, null) : (null, Problems.Validation(outcome.MessagesByPath(), outcome.CodesByPath()));
    }

    private static async Task<(byte[]? Json, List<UploadedDocument> Docs, IResult? Problem)> ReadMultipartAsync(
        HttpRequest request, MediaTypeHeaderValue contentType, CancellationToken ct)
    {
        var docs = new List<UploadedDocument>();
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, docs, Problems.Field("$", "multipart.boundary", "Batas (boundary) multipart tidak ada."));
        }

        byte[]? json = null;
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = RequestReading.MaxDocumentBytes + 1 };
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (name == "application")
                {
                    json = await RequestReading.ReadLimitedAsync(section.Body, null, RequestReading.MaxJsonBytes, ct).ConfigureAwait(false);
                    if (json is null)
                    {
                        return (null, docs, Problems.TooLarge("Data permohonan melebihi 256 KB."));
                    }

                    continue;
                }

                if (!DocumentKinds.IsKnown(name))
                {
                    return (null, docs, Problems.Field(name.Length == 0 ? "documents" : name, "document.kind",
                        $"Jenis dokumen tidak dikenal. Pilih salah satu: {string.Join(", ", DocumentKinds.All)}."));
                }

                var content = await RequestReading.ReadLimitedAsync(section.Body, null, RequestReading.MaxDocumentBytes, ct).ConfigureAwait(false);
                if (content is null)
                {
                    return (null, docs, Problems.TooLarge($"Dokumen {name} melebihi 10 MB."));
                }

                if (content.Length == 0 && disposition.FileName.HasValue && string.IsNullOrEmpty(disposition.FileName.Value))
                {
                    continue; // an empty file input of the portal form
                }

                var type = FileSignatures.Detect(content);
                if (type is null)
                {
                    return (null, docs, Problems.Unsupported($"Dokumen {name} harus berupa PDF, JPEG atau PNG."));
                }

                docs.RemoveAll(d => d.Kind == name);
                docs.Add(new UploadedDocument(name, type, content));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return (null, docs, ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? Problems.TooLarge("Dokumen melebihi 10 MB.")
                : Problems.Field("$", "multipart.malformed", "Data multipart tidak valid."));
        }

        return json is null
            ? (null, docs, Problems.Field("application", "required", "Bagian \"application\" (JSON permohonan) wajib ada."))
            : (json, docs, null);
    }

    private static string BodyHash(byte[] json, IEnumerable<UploadedDocument> docs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(json);
        foreach (var d in docs.OrderBy(d => d.Kind, StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes("\n" + d.Kind + "\n"));
            sha.AppendData(SHA256.HashData(d.Content.Span));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>The applicant's view of an application (API.md).</summary>
public sealed record ApplicationStatusView(
    string ApplicationId,
    ApplicationStatus Status,
    DateTime SubmittedAt,
    DateTime UpdatedAt,
    DateTime? Deadline,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ReasonCodes,
    ReviewView? Review,
    IReadOnlyList<SignatureView> Signatures,
    IReadOnlyList<DocumentView> Documents,
    AgreementView? Agreement,
    IReadOnlyList<HistoryView> History,
    string? RuleVersion);

/// <summary>The review part of the status.</summary>
public sealed record ReviewView(string Reviewer, string? Decision, string? Note, long? ApprovedAmount, IReadOnlyList<string> Recommendations, DateTime? DecidedAt);

/// <summary>A document's description.</summary>
public sealed record DocumentView(string Kind, string ContentType, long Size, string Sha256);

/// <summary>A history line.</summary>
public sealed record HistoryView(DateTime At, ApplicationStatus Status, string? Note);

/// <summary>A signer in the status.</summary>
public sealed record SignatureView(string Role, string Name, string Status, DateTime? SignedAt);

/// <summary>The agreement in the status.</summary>
public sealed record AgreementView(string Number, string Status, string? Sha256);
