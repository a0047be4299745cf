using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Api.Intake;

/// <summary>
/// The applicant's page routes (API.md "Applicant pages"): the portal form post, the receipt, the document upload
/// form and "Lupa tautan?". Each binds the form and calls the same command as its JSON route.
/// </summary>
public sealed class ApplicantPageEndpoints(
    SubmitApplication submit,
    ApplicantQueries queries,
    UploadDocument upload,
    LookupApplication lookup,
    SchemeCatalog schemes,
    TimeProvider time,
    IOptions<WorkflowOptions> workflow,
    IOptions<WhatsAppOptions> whatsApp)
{
    /// <summary>Notices shown after a 303 back to the status page (only these words travel in the URL).</summary>
    public static IReadOnlyDictionary<string, string> Notices { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["uploaded"] = "Dokumen tersimpan. Terima kasih.",
        ["resubmitted"] = "Perbaikan terkirim dan dinilai kembali oleh petugas.",
        ["withdrawn"] = "Permohonan sudah ditarik.",
        ["erased"] = "Data pribadi Anda sudah dihapus.",
    };

    /// <summary><c>GET /api/portal</c>.</summary>
    public Task<IResult> PortalAsync(ApiRequest r) =>
        Task.FromResult(Answers.Page(PortalPage.Render(FormState.Empty, Guid.NewGuid().ToString("N"), schemes, ApplicationFormFields.Today(time), whatsApp.Value.Enabled)));

    /// <summary><c>POST /api/portal</c>: the portal's multipart form → SubmitApplication → 303 to the receipt.</summary>
    public async Task<IResult> SubmitAsync(ApiRequest r)
    {
        var (posted, failure) = await PageForms.ReadAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(r.Http.Request, failure);
        }

        var (form, json, bindingErrors) = PageForms.BindApplication(posted!);
        var key = posted!.Value("idempotencyKey");
        var command = new SubmitApplicationCommand(form, posted.Documents, key.Length == 0 ? null : key, PageForms.Hash(json, posted.Documents),
            [.. posted.FileErrors, .. bindingErrors]);
        var result = await submit.ExecuteAsync(command, r.Caller, r.Aborted).ConfigureAwait(false);
        return Answers.From(r.Http.Request, result,
            done => WantsJsonOnly(r)
                ? Answers.Json(new { applicationId = done.ApplicationId, status = nameof(ApplicationStatus.Submitted), statusUrl = $"{r.Http.Request.Scheme}://{r.Http.Request.Host}/api/applications/{done.ApplicationId}", reference = done.Reference, accessToken = done.AccessToken, submittedAt = done.SubmittedAtUtc }, StatusCodes.Status202Accepted)
                : Answers.SeeOther($"/api/applications/{done.ApplicationId}/receipt?token={Uri.EscapeDataString(done.AccessToken)}"),
            f => PortalPage.Render(new FormState(posted.Fields, f.Errors ?? [new ValidationError("$", "failure", f.Detail)]), Fresh(key, f), schemes, ApplicationFormFields.Today(time), whatsApp.Value.Enabled));
    }

    /// <summary><c>GET /api/applications/{id}/receipt?token=</c>.</summary>
    public async Task<IResult> ReceiptAsync(ApiRequest r)
    {
        var token = r.ApplicantToken;
        var result = await queries.GetStatusAsync(r.Value("id"), token, r.Caller, r.Aborted).ConfigureAwait(false);
        return Answers.From(r.Http.Request, result, found =>
        {
            var statusUrl = $"{r.Http.Request.Scheme}://{r.Http.Request.Host}/api/applications/{found.Stored.ApplicationId}?token={Uri.EscapeDataString(token!)}";
            return NoStore(r, Answers.Page(ReceiptPage.Render(found.Stored, statusUrl, workflow.Value, schemes, ApplicationFormFields.Today(time))));
        });
    }

    /// <summary><c>POST /api/applications/{id}/documents</c>: one UploadDocument per file → 303 back to the status page.</summary>
    public async Task<IResult> UploadAsync(ApiRequest r)
    {
        var (posted, failure) = await PageForms.ReadAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(r.Http.Request, failure);
        }

        var id = r.Value("id");
        var token = TokenOf(r, posted!);
        var errors = new List<ValidationError>(posted!.FileErrors);
        if (errors.Count == 0 && posted.Documents.Count == 0)
        {
            errors.Add(new ValidationError(DocumentKinds.All[0], "required", "Pilih paling sedikit satu berkas untuk diunggah."));
        }

        if (errors.Count == 0)
        {
            foreach (var doc in posted.Documents)
            {
                var stored = await upload.ExecuteAsync(new UploadDocumentCommand(id, token, doc.Kind, doc.Content.ToArray()), r.Caller, r.Aborted).ConfigureAwait(false);
                if (stored.Failure is { } f)
                {
                    if (f.Kind is not (FailureKind.Invalid or FailureKind.Unsupported))
                    {
                        return Answers.Failure(r.Http.Request, f);
                    }

                    errors.Add(new ValidationError(doc.Kind, "document", f.Errors is { Count: > 0 } list ? list[0].Message : f.Detail));
                }
            }
        }

        if (errors.Count == 0)
        {
            return WantsJsonOnly(r)
                ? Answers.Json(new { applicationId = id, documents = posted.Documents.Select(d => d.Kind).ToList() })
                : Answers.SeeOther(StatusUrl(id, token!, "uploaded"));
        }

        if (WantsJsonOnly(r))
        {
            return Answers.Failure(Failure.Invalid(errors));
        }

        return await StatusPageAsync(r, id, token, new StatusPageContext(token ?? string.Empty, Upload: new FormState(posted.Fields, errors)), StatusCodes.Status400BadRequest).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/lookup</c>.</summary>
    public Task<IResult> LookupFormAsync(ApiRequest r) => Task.FromResult(Answers.Page(LookupPage.Render(FormState.Empty)));

    /// <summary><c>POST /api/lookup</c>: always the same answer page (blank fields excepted).</summary>
    public async Task<IResult> LookupAsync(ApiRequest r)
    {
        var (posted, failure) = await PageForms.ReadAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(r.Http.Request, failure);
        }

        var result = await lookup.ExecuteAsync(new LookupApplicationCommand(posted!.Value("reference"), posted.Value("nik"), posted.Value("birthDate")), r.Aborted).ConfigureAwait(false);
        return Answers.From(r.Http.Request, result,
            _ => Answers.Page(LookupPage.Sent()),
            f => LookupPage.Render(new FormState(posted.Fields, f.Errors ?? [])));
    }

    /// <summary>The status page (again) for a browser, with forms shown with their messages.</summary>
    public async Task<IResult> StatusPageAsync(ApiRequest r, string id, string? token, StatusPageContext context, int statusCode = StatusCodes.Status200OK)
    {
        var result = await queries.GetStatusAsync(id, token, r.Caller, r.Aborted).ConfigureAwait(false);
        return Answers.From(r.Http.Request, result, found =>
            NoStore(r, Answers.Page(StatusPage.Render(ApplicationStatusView.From(found), found.Stored, context, schemes, ApplicationFormFields.Today(time), whatsApp.Value.Enabled), statusCode)));
    }

    /// <summary>The token of a page form: the hidden field, else the documented <c>?token=</c> or bearer header.</summary>
    public static string? TokenOf(ApiRequest r, PostedForm posted) => posted.Value("token") is { Length: > 0 } t ? t : r.ApplicantToken;

    /// <summary>
    /// A status-page form behind a confirmation step (withdraw, erase): without <c>confirm=ya</c> the status page
    /// comes back with <paramref name="confirmStep"/> shown and nothing changes; with it the command runs and the
    /// browser goes back to the status page with <paramref name="notice"/> (303), or sees the failure as a page.
    /// </summary>
    public async Task<IResult> ConfirmedActionAsync<T>(
        ApiRequest r, Func<string, StatusPageContext> confirmStep, Func<string?, Task<Result<T>>> run, Func<T, string> idOf, string notice)
    {
        var (posted, failure) = await PageForms.ReadAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(r.Http.Request, failure);
        }

        var token = TokenOf(r, posted!);
        if (posted!.Value("confirm") != "ya")
        {
            return await StatusPageAsync(r, r.Value("id"), token, confirmStep(token ?? string.Empty)).ConfigureAwait(false);
        }

        return Answers.From(r.Http.Request, await run(token).ConfigureAwait(false), done => Answers.SeeOther(StatusUrl(idOf(done), token!, notice)));
    }

    /// <summary>Where a form post goes back to: the status page with a notice.</summary>
    public static string StatusUrl(string id, string token, string notice) =>
        $"/api/applications/{id}?token={Uri.EscapeDataString(token)}&notice={notice}";

    // An API client that asked for JSON gets JSON instead of the 303 a page form gets.
    private static bool WantsJsonOnly(ApiRequest r) => !RequestReading.PrefersPage(r.Http.Request);

    private static IResult NoStore(ApiRequest r, IResult page)
    {
        r.Http.Response.Headers.CacheControl = "no-store";
        return page;
    }

    // After a failure other than invalid input the same key would answer the same failure: give the form a new one.
    private static string Fresh(string key, Failure f) => f.Kind == FailureKind.Invalid && key.Length > 0 ? key : Guid.NewGuid().ToString("N");
}
