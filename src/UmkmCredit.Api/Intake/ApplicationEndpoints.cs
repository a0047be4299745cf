using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Review;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Api.Intake;

/// <summary>The applicant's routes of API.md: bind the request, call the command, answer.</summary>
public sealed class ApplicationEndpoints(
    SubmitApplication submit,
    ApplicantQueries queries,
    UploadDocument upload,
    ResubmitApplication resubmit,
    WithdrawApplication withdraw,
    IOptions<LinksOptions> links,
    ApplicantPageEndpoints pages)
{
    /// <summary><c>POST /api/applications</c> (JSON or multipart).</summary>
    public async Task<IResult> SubmitAsync(ApiRequest r)
    {
        var (bound, failure) = await ApplicationBinding.ReadSubmissionAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(failure);
        }

        var command = bound! with { IdempotencyKey = r.Http.Request.Headers["Idempotency-Key"].ToString() };
        return Answers.From(await submit.ExecuteAsync(command, r.Caller, r.Aborted).ConfigureAwait(false), result =>
        {
            var statusUrl = links.Value.Absolute($"applications/{result.ApplicationId}");
            r.Http.Response.Headers.Location = statusUrl;
            return Answers.Json(new
            {
                applicationId = result.ApplicationId,
                status = nameof(ApplicationStatus.Submitted),
                statusUrl,
                accessToken = result.AccessToken,
                submittedAt = result.SubmittedAtUtc,
                reference = result.Reference,
            }, StatusCodes.Status202Accepted);
        });
    }

    /// <summary><c>GET /api/applications/{id}</c>: JSON or the status page.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        if (!RequestReading.WantsJson(r.Http.Request))
        {
            var notice = ApplicantPageEndpoints.Notices.GetValueOrDefault(r.Http.Request.Query["notice"].ToString());
            return await pages.StatusPageAsync(r, r.Value("id"), r.ApplicantToken, new StatusPageContext(r.ApplicantToken ?? string.Empty, notice)).ConfigureAwait(false);
        }

        return Answers.From(await queries.GetStatusAsync(r.Value("id"), r.ApplicantToken, r.Caller, r.Aborted).ConfigureAwait(false),
            found => Answers.Json(ApplicationStatusView.From(found)));
    }

    /// <summary><c>PUT /api/applications/{id}/documents/{kind}</c>.</summary>
    public async Task<IResult> PutDocumentAsync(ApiRequest r)
    {
        var content = await RequestReading.ReadLimitedAsync(r.Http.Request.Body, r.Http.Request.ContentLength, RequestReading.MaxDocumentBytes, r.Aborted).ConfigureAwait(false);
        if (content is null)
        {
            return Answers.Failure(Failure.TooLarge("Ukuran dokumen paling besar 10 MB."));
        }

        var result = await upload.ExecuteAsync(new UploadDocumentCommand(r.Value("id"), r.ApplicantToken, r.Value("kind"), content), r.Caller, r.Aborted).ConfigureAwait(false);
        return Answers.From(result, doc => Answers.Json(DocumentView.From(doc), StatusCodes.Status201Created));
    }

    /// <summary><c>POST /api/applications/{id}/withdraw</c>; a page form first shows the confirmation step, then posts <c>confirm=ya</c>.</summary>
    public async Task<IResult> WithdrawAsync(ApiRequest r)
    {
        if (r.Http.Request.HasFormContentType)
        {
            return await pages.ConfirmedActionAsync(r, token => new StatusPageContext(token, ConfirmWithdraw: true),
                token => withdraw.ExecuteAsync(r.Value("id"), token, r.Caller, r.Aborted), id => id, "withdrawn").ConfigureAwait(false);
        }

        return Answers.From(await withdraw.ExecuteAsync(r.Value("id"), r.ApplicantToken, r.Caller, r.Aborted).ConfigureAwait(false),
            id => Answers.Json(new { applicationId = id, status = nameof(ApplicationStatus.Withdrawn) }, StatusCodes.Status202Accepted));
    }

    /// <summary><c>POST /api/applications/{id}/resubmit</c> (JSON, or the status page's form → 303 back).</summary>
    public async Task<IResult> ResubmitAsync(ApiRequest r)
    {
        if (r.Http.Request.HasFormContentType)
        {
            return await ResubmitFormAsync(r).ConfigureAwait(false);
        }

        var json = await RequestReading.ReadLimitedAsync(r.Http.Request.Body, r.Http.Request.ContentLength, RequestReading.MaxJsonBytes, r.Aborted).ConfigureAwait(false);
        if (json is null)
        {
            return Answers.Failure(Failure.TooLarge("Data permohonan melebihi 256 KB."));
        }

        var (form, failure) = ApplicationBinding.ParseForm(json);
        if (failure is not null)
        {
            return Answers.Failure(failure);
        }

        var id = r.Value("id");
        return Answers.From(await resubmit.ExecuteAsync(new ResubmitApplicationCommand(id, r.ApplicantToken, form), r.Caller, r.Aborted).ConfigureAwait(false),
            version => Answers.Json(new { applicationId = id, version, status = nameof(ApplicationStatus.InReview) }, StatusCodes.Status202Accepted));
    }

    private async Task<IResult> ResubmitFormAsync(ApiRequest r)
    {
        var (posted, failure) = await PageForms.ReadAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(r.Http.Request, failure);
        }

        var id = r.Value("id");
        var token = ApplicantPageEndpoints.TokenOf(r, posted!);
        var (form, _, bindingErrors) = PageForms.BindApplication(posted!);
        var result = bindingErrors.Count > 0
            ? (Result<int>)Failure.Invalid(bindingErrors)
            : await resubmit.ExecuteAsync(new ResubmitApplicationCommand(id, token, form), r.Caller, r.Aborted).ConfigureAwait(false);
        if (result.Failure is { Kind: FailureKind.Invalid } invalid && RequestReading.PrefersPage(r.Http.Request))
        {
            var state = new FormState(posted!.Fields, invalid.Errors ?? []);
            return await pages.StatusPageAsync(r, id, token, new StatusPageContext(token ?? string.Empty, Resubmit: state), StatusCodes.Status400BadRequest).ConfigureAwait(false);
        }

        return Answers.From(r.Http.Request, result, _ => Answers.SeeOther(ApplicantPageEndpoints.StatusUrl(id, token!, "resubmitted")));
    }
}

/// <summary>Binds an application from JSON or multipart (the part <c>application</c> plus one file part per document kind).</summary>
public static class ApplicationBinding
{
    /// <summary>The submission as sent; the idempotency key is left for the caller to add.</summary>
    public static async Task<Result<SubmitApplicationCommand>> ReadSubmissionAsync(HttpRequest request, CancellationToken ct)
    {
        byte[]? json;
        var uploads = new List<UploadedDocument>();
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString() : string.Empty;
        if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var (body, failure) = await ReadMultipartAsync(request, parsed!, uploads, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            json = body;
        }
        else if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            json = await RequestReading.ReadLimitedAsync(request.Body, request.ContentLength, RequestReading.MaxJsonBytes, ct).ConfigureAwait(false);
            if (json is null)
            {
                return Failure.TooLarge("Data permohonan melebihi 256 KB.");
            }
        }
        else
        {
            return Failure.Unsupported("Kirim permohonan sebagai application/json atau multipart/form-data.");
        }

        var (form, parseFailure) = ParseForm(json!);
        return parseFailure is not null
            ? parseFailure
            : new SubmitApplicationCommand(form, uploads, null, BodyHash(json!, uploads));
    }

    /// <summary>The application form of a JSON body; syntax errors are <c>json.malformed</c>, wrong value types <c>json.type</c> at their path.</summary>
    public static Result<ApplicationForm?> ParseForm(byte[] json)
    {
        try
        {
            using (JsonDocument.Parse(json))
            {
                // syntax first, so a truncated body is "malformed" rather than a type error at some path
            }
        }
        catch (JsonException)
        {
            return Failure.Field("$", "json.malformed", "Data bukan JSON yang valid.");
        }

        if (ApiJson.DuplicateKeys(json) is { } duplicate)
        {
            return duplicate;
        }

        try
        {
            return Result<ApplicationForm?>.From(JsonSerializer.Deserialize<ApplicationForm>(json, ApiJson.Strict));
        }
        catch (JsonException ex)
        {
            var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            return path.Length == 0
                ? Failure.Field("$", "json.malformed", "Data bukan JSON yang valid.")
                : Failure.Field(path, "json.type", "Jenis nilai tidak sesuai (misalnya teks pada isian angka).");
        }
    }

    private static async Task<Result<byte[]>> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue contentType, List<UploadedDocument> docs, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Failure.Field("$", "multipart.boundary", "Batas (boundary) multipart tidak ada.");
        }

        byte[]? json = null;

        // Sizes are enforced by ReadLimitedAsync per part (so a too-large part is a 413 we recognise, not a reader exception).
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
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
                        return Failure.TooLarge("Data permohonan melebihi 256 KB.");
                    }

                    continue;
                }

                if (!DocumentKinds.IsKnown(name))
                {
                    return Failure.Field(name.Length == 0 ? "documents" : name, "document.kind",
                        $"Jenis dokumen tidak dikenal. Pilih salah satu: {string.Join(", ", DocumentKinds.All)}.");
                }

                var content = await RequestReading.ReadLimitedAsync(section.Body, null, RequestReading.MaxDocumentBytes, ct).ConfigureAwait(false);
                if (content is null)
                {
                    return Failure.TooLarge($"Dokumen {name} melebihi 10 MB.");
                }

                if (content.Length == 0 && disposition.FileName.HasValue && string.IsNullOrEmpty(disposition.FileName.Value))
                {
                    continue; // an empty file input of the portal form
                }

                var type = FileSignatures.Detect(content);
                if (type is null)
                {
                    return Failure.Unsupported($"Dokumen {name} harus berupa PDF, JPEG atau PNG.");
                }

                docs.RemoveAll(d => d.Kind == name);
                docs.Add(new UploadedDocument(name, type, content));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return Failure.Field("$", "multipart.malformed", "Data multipart tidak valid.");
        }

        return json is null
            ? Failure.Field("application", "required", "Bagian \"application\" (JSON permohonan) wajib ada.")
            : json;
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
    string? RuleVersion,
    string? Reference = null)
{
    /// <summary>The view of a status query.</summary>
    public static ApplicationStatusView From(ApplicationStatusResult found)
    {
        var (stored, snapshot) = (found.Stored, found.Snapshot);
        return new ApplicationStatusView(
            stored.ApplicationId,
            snapshot.Status,
            stored.SubmittedAtUtc,
            snapshot.UpdatedAtUtc,
            snapshot.DeadlineUtc,
            snapshot.Reasons.Select(x => x.Message).ToList(),
            snapshot.Reasons.Select(x => x.Code).ToList(),
            snapshot.Review is { } rv ? new ReviewView(rv.ReviewerName, rv.Verdict?.WireName(), rv.Note, rv.ApprovedAmount, rv.Recommendations, rv.DecidedAt, rv.Level) : null,
            (snapshot.Signatures ?? []).Select(x => new SignatureView(x.Role, x.Name, x.Status.ToString(), x.At)).ToList(),
            found.Documents.Select(DocumentView.From).ToList(),
            snapshot.Agreement is { } ag ? new AgreementView(ag.Number, ag.Status.ToString(), ag.Sha256) : null,
            snapshot.History.Select(h => new HistoryView(h.At, h.Status, h.Note)).ToList(),
            snapshot.RuleVersion,
            stored.Reference);
    }
}

/// <summary>The review part of the status.</summary>
public sealed record ReviewView(string Reviewer, string? Decision, string? Note, long? ApprovedAmount, IReadOnlyList<string> Recommendations, DateTime? DecidedAt, int Level = 1);

/// <summary>A document's description.</summary>
public sealed record DocumentView(string Kind, string ContentType, long Size, string Sha256)
{
    /// <summary>From a stored document.</summary>
    public static DocumentView From(StoredDocument d) => new(d.Kind, d.ContentType, d.Size, d.Sha256);
}

/// <summary>A history line.</summary>
public sealed record HistoryView(DateTime At, ApplicationStatus Status, string? Note);

/// <summary>A signer in the status.</summary>
public sealed record SignatureView(string Role, string Name, string Status, DateTime? SignedAt);

/// <summary>The agreement in the status.</summary>
public sealed record AgreementView(string Number, string Status, string? Sha256);
