using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Api.Intake;

/// <summary>The applicant's rights under UU 27/2022 (PDP): download their data, erase it.</summary>
public sealed class PersonalDataEndpoints(ExportApplicationData export, EraseApplication erase, ApplicantPageEndpoints pages)
{
    /// <summary><c>GET /api/applications/{id}/export</c> → <c>application/zip</c>.</summary>
    public async Task<IResult> ExportAsync(ApiRequest r) =>
        Answers.From(r.Http.Request, await export.ExecuteAsync(r.Value("id"), r.ApplicantToken, r.Caller, r.Aborted).ConfigureAwait(false), file =>
        {
            r.Http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Zip, "application/zip", file.FileName);
        });

    /// <summary><c>POST /api/applications/{id}/erase</c>; a page form first shows the confirmation step, then posts <c>confirm=ya</c> (303 back).</summary>
    public async Task<IResult> EraseAsync(ApiRequest r)
    {
        if (r.Http.Request.HasFormContentType)
        {
            return await pages.ConfirmedActionAsync(r, token => new StatusPageContext(token, ConfirmErase: true),
                token => erase.ExecuteAsync(r.Value("id"), token, r.Caller, r.Aborted), done => done.ApplicationId, "erased").ConfigureAwait(false);
        }

        return Answers.From(await erase.ExecuteAsync(r.Value("id"), r.ApplicantToken, r.Caller, r.Aborted).ConfigureAwait(false),
            done => Answers.Json(new { applicationId = done.ApplicationId, reference = done.Reference, erased = true }, StatusCodes.Status202Accepted));
    }
}
