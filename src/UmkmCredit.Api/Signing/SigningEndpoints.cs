using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Money;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Signing;

namespace UmkmCredit.Api.Signing;

/// <summary>The signer's routes: page, draft, OTP, sign or decline — bind, call the command, answer.</summary>
public sealed class SigningEndpoints(
    ViewSigning view,
    ViewSigningDocument document,
    RequestOtp requestOtp,
    SignAgreement sign,
    DeclineAgreement decline,
    IOptions<LinksOptions> linkOptions)
{
    /// <summary><c>GET /api/sign/{token}</c>.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        var token = r.Value("token");
        return Answers.From(r.Http.Request, await view.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false), found =>
        {
            if (!RequestReading.WantsJson(r.Http.Request))
            {
                r.Http.Response.Headers.CacheControl = "no-store";
                return Answers.Page(SigningPage.Render(token, found, otpSent: r.Http.Request.Query["otp"].ToString() == "sent"));
            }

            var model = found.Model;
            return Answers.Json(new
            {
                applicationId = found.Link.ApplicationId,
                agreementNumber = model.Number,
                signer = new { role = found.Role, name = found.Link.ActorName },
                summary = new
                {
                    debtor = model.Debtor.Name,
                    business = model.Debtor.BusinessName,
                    scheme = model.SchemeName,
                    amount = model.Amount,
                    amountText = Rupiah.FormatWithWords(model.Amount),
                    rate = model.AnnualRatePercent,
                    tenorMonths = model.TenorMonths,
                    bank = model.Bank.Name,
                    opd = model.Opd.AgencyName,
                },
                documentUrl = linkOptions.Value.Absolute($"sign/{token}/document"),
                yourTurn = found.IsTurn,
                deadline = found.Link.ExpiresAtUtc,
            });
        }, failure => LinkProblem(token, failure));
    }

    /// <summary>
    /// <c>GET /api/sign/{token}/document</c>: the draft the signer signs, or the signed copy once every party signed
    /// (also through a used link), shown inline with a file name for saving.
    /// </summary>
    public async Task<IResult> DocumentAsync(ApiRequest r)
    {
        var token = r.Value("token");
        return Answers.From(r.Http.Request, await document.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false), file =>
        {
            r.Http.Response.Headers.CacheControl = "no-store";
            r.Http.Response.Headers.XContentTypeOptions = "nosniff";
            var name = $"perjanjian-{file.ApplicationId}" + (file.Signed ? "-ditandatangani" : "-draf") + ".pdf";
            r.Http.Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
            return Results.File(file.Pdf, "application/pdf");
        }, failure => OfficialPages.LinkProblem(failure, signing: true));
    }

    /// <summary>
    /// <c>POST /api/sign/{token}/otp</c>: mails a 6-digit code valid for 10 minutes. JSON clients get 202; a form post
    /// (the page works without script) gets 303 back to the signing page with a notice.
    /// </summary>
    public async Task<IResult> OtpAsync(ApiRequest r)
    {
        var token = r.Value("token");
        var request = r.Http.Request;
        var (issued, failure) = await requestOtp.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false);
        var asPage = request.HasFormContentType && !RequestReading.AnswerAsJson(request);
        if (failure is null)
        {
            return asPage
                ? Answers.SeeOther($"/api/sign/{Uri.EscapeDataString(token)}?otp=sent")
                : Answers.Json(new { sent = true, expiresAt = issued!.ExpiresAtUtc }, StatusCodes.Status202Accepted);
        }

        return asPage ? await PageAgainAsync(r, token, SigningForm.Empty, failure).ConfigureAwait(false) : Answers.Failure(request, failure, f => LinkProblem(token, f));
    }

    /// <summary>
    /// <c>POST /api/sign/{token}</c>: sign (OTP, name, consent) or decline (reason). A browser's refusal goes through a
    /// confirmation step (<c>confirm=ya</c>); a browser's failure shows the page again with what was typed.
    /// </summary>
    public async Task<IResult> DecideAsync(ApiRequest r)
    {
        var token = r.Value("token");
        var request = r.Http.Request;
        var (input, failure) = await ReadAsync(request, r.Aborted).ConfigureAwait(false);
        var asPage = request.HasFormContentType && !RequestReading.AnswerAsJson(request);
        if (failure is not null)
        {
            return asPage && failure.Kind == FailureKind.Invalid
                ? await PageAgainAsync(r, token, SigningForm.Empty, failure).ConfigureAwait(false)
                : Answers.Failure(request, failure, f => LinkProblem(token, f));
        }

        var typed = new SigningForm(input!.Otp, input.FullName, input.Consent, input.Reason);
        if (asPage && input.Decision == "decline" && request.Form["confirm"].ToString() != "ya")
        {
            var errors = Domain.Signing.SignatureRules.ValidateDecline(input.Reason);
            return errors.Count > 0
                ? await PageAgainAsync(r, token, typed, Failure.Invalid(errors)).ConfigureAwait(false)
                : Answers.Page(SigningPage.ConfirmDecline(token, input.Reason!));
        }

        var (recorded, decideFailure) = input.Decision == "sign"
            ? await sign.ExecuteAsync(new SignAgreementCommand(token, input.Otp, input.FullName, input.Consent), r.Caller, r.Aborted).ConfigureAwait(false)
            : await decline.ExecuteAsync(new DeclineAgreementCommand(token, input.Reason), r.Caller, r.Aborted).ConfigureAwait(false);
        if (decideFailure is not null)
        {
            return asPage ? await PageAgainAsync(r, token, typed, decideFailure).ConfigureAwait(false) : Answers.Failure(request, decideFailure, f => LinkProblem(token, f));
        }

        return RequestReading.AnswerAsJson(request)
            ? Answers.Json(new { applicationId = recorded!.ApplicationId, decision = input.Decision, evidenceId = recorded.EvidenceId, documentSha256 = recorded.DocumentSha256, signedAt = recorded.AtUtc })
            : Answers.Page(SigningPage.Recorded(token, recorded!.Signed, recorded.AgreementNumber));
    }

    /// <summary>The link's problem page; a used link still offers the download (the signed copy once complete).</summary>
    private static string LinkProblem(string token, Failure failure) => OfficialPages.LinkProblem(failure, signing: true,
        failure.Kind == FailureKind.Conflict ? SigningPage.DownloadLink(token, null, "Unduh perjanjian (PDF)") : null);

    /// <summary>The signing page again with what was typed and the failure at its field (or the link's problem page).</summary>
    private async Task<IResult> PageAgainAsync(ApiRequest r, string token, SigningForm typed, Failure failure)
    {
        if (failure.Kind is FailureKind.NotFound or FailureKind.Gone or FailureKind.Unavailable
            || (failure.Kind == FailureKind.Conflict && failure.Detail != SigningAccess.NotYourTurn().Detail))
        {
            return Answers.Failure(r.Http.Request, failure, f => LinkProblem(token, f));
        }

        var (found, viewFailure) = await view.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false);
        if (viewFailure is not null)
        {
            return Answers.Failure(r.Http.Request, viewFailure, f => LinkProblem(token, f));
        }

        var html = SigningPage.Render(token, found!, typed, failure);
        return Answers.Failure(r.Http.Request, failure, _ => html);
    }

    private sealed record SignInput(string Decision, string? Otp, string? FullName, bool Consent, string? Reason);

    /// <summary>The signer's post, from a form or JSON (the same fields either way).</summary>
    private static async Task<Result<SignInput>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        string? decision, otp, name, reason;
        bool consent;
        if (request.HasFormContentType)
        {
            var (form, formFailure) = await RequestReading.ReadSmallFormAsync(request, ct).ConfigureAwait(false);
            if (formFailure is not null)
            {
                return formFailure;
            }

            decision = form!["decision"].ToString();
            otp = form["otp"].ToString().Trim();
            name = form["fullName"].ToString();
            reason = form["reason"].ToString();
            consent = form["consent"].ToString() is "true" or "on";
        }
        else
        {
            var (root, failure) = await RequestReading.ReadJsonObjectAsync(request, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            var fields = new[] { "decision", "otp", "fullName", "reason" }.Select(n => RequestReading.JsonString(root, n)).ToList();
            if (fields.FirstOrDefault(f => f.Failure is not null).Failure is { } typeFailure)
            {
                return typeFailure;
            }

            (decision, otp, name, reason) = (fields[0].Value, fields[1].Value, fields[2].Value, fields[3].Value);
            consent = root.TryGetProperty("consent", out var c) && (c.ValueKind == JsonValueKind.True || (c.ValueKind == JsonValueKind.String && c.GetString() == "true"));
        }

        if (decision is not ("sign" or "decline"))
        {
            return Failure.Field("decision", "decision.invalid", "Keputusan harus sign atau decline.");
        }

        return new SignInput(decision, string.IsNullOrEmpty(otp) ? null : otp, name, consent, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }
}
