using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Imports;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Api.Admin;

/// <summary>
/// Bulk intake (API.md "Governance"): <c>POST /api/admin/imports</c> takes a <c>text/csv</c> body (or the console's
/// file form) and answers 202 with the import's status URL; <c>GET /api/admin/imports/{importId}</c> answers the progress
/// as JSON, or as a page with a progress bar for a browser.
/// </summary>
public sealed class ImportEndpoints(ImportApplications import, ImportQueries queries, IOptions<LinksOptions> links)
{
    /// <summary><c>POST /api/admin/imports</c>.</summary>
    public async Task<IResult> StartAsync(ApiRequest r)
    {
        var request = r.Http.Request;
        var (content, failure) = await ReadFileAsync(request, r.Aborted).ConfigureAwait(false);
        var result = failure is not null ? (Result<ImportStarted>)failure : await import.ExecuteAsync(content, r.Caller, r.Aborted).ConfigureAwait(false);
        var csrf = AdminSession.Csrf(request);
        return Answers.From(request, result, started =>
        {
            var path = "/api/admin/imports/" + started.ImportId;
            if (!RequestReading.AnswerAsJson(request))
            {
                return Answers.SeeOther(path);
            }

            var statusUrl = links.Value.Absolute("admin/imports/" + started.ImportId);
            r.Http.Response.Headers.Location = statusUrl;
            return Answers.Json(new { importId = started.ImportId, statusUrl, total = started.Total }, StatusCodes.Status202Accepted);
        }, f => ImportPages.Upload(csrf, f));
    }

    /// <summary><c>GET /api/admin/imports/{importId}</c>.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        r.Http.Response.Headers.CacheControl = "no-store";
        var result = await queries.GetAsync(r.Value("importId"), r.Aborted).ConfigureAwait(false);
        return Answers.From(r.Http.Request, result, progress => !RequestReading.WantsJson(r.Http.Request)
            ? Answers.Page(ImportPages.Progress(progress))
            : Answers.Json(new
            {
                importId = progress.Record.ImportId,
                status = progress.Record.Status.ToString(),
                total = progress.Record.Total,
                done = progress.Done,
                failed = progress.Failed,
                createdAt = progress.Record.CreatedAtUtc,
                completedAt = progress.Record.CompletedAtUtc,
                rows = progress.Rows.Select(x => new
                {
                    row = x.Row,
                    applicationId = x.ApplicationId,
                    errors = x.Errors?.Select(e => new { path = e.Path, code = e.Code, message = e.Message }),
                }),
            }));
    }

    private static async Task<Result<ReadOnlyMemory<byte>>> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ImportFiles.MaxBytes + (64 * 1024))
        {
            return TooLarge();
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString() : string.Empty;
        if (mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            var body = await RequestReading.ReadLimitedAsync(request.Body, request.ContentLength, ImportFiles.MaxBytes, ct).ConfigureAwait(false);
            return body is null ? TooLarge() : Result<ReadOnlyMemory<byte>>.From(body);
        }

        if (!mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Unsupported("Kirim berkas impor sebagai text/csv (atau dari formulir konsol admin).");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Failure.Field("file", "multipart.malformed", "Data formulir tidak lengkap. Kirim lagi.");
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return Failure.Field("file", "required", "Pilih berkas CSV yang akan diimpor.");
        }

        if (file.Length > ImportFiles.MaxBytes)
        {
            return TooLarge();
        }

        await using var stream = file.OpenReadStream();
        var content = await RequestReading.ReadLimitedAsync(stream, file.Length, ImportFiles.MaxBytes, ct).ConfigureAwait(false);
        return content is null ? TooLarge() : Result<ReadOnlyMemory<byte>>.From(content);
    }

    private static Failure TooLarge() => Failure.TooLarge($"Berkas impor paling besar {ImportFiles.MaxBytes / (1024 * 1024)} MB.");
}
