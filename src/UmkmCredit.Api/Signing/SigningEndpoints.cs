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
        return Answers.From(await view.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false), found =>
        {
            if (!RequestReading.WantsJson(r.Http.Request))
            {
                return Answers.Page(SigningPage.Render(token, found.Link, found.Model, found.IsTurn));
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
        });
    }

    /// <summary><c>GET /api/sign/{token}/document</c>: the draft the signer signs (the signed copy once complete).</summary>
    public async Task<IResult> DocumentAsync(ApiRequest r) =>
        Answers.From(await document.ExecuteAsync(r.Value("token"), r.Caller, r.Aborted).ConfigureAwait(false), file =>
        {
            r.Http.Response.Headers.CacheControl = "no-store";
            r.Http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Pdf, "application/pdf", fileDownloadName: null);
        });

    /// <summary><c>POST /api/sign/{token}/otp</c>: mails a 6-digit code valid for 10 minutes.</summary>
    public async Task<IResult> OtpAsync(ApiRequest r) =>
        Answers.From(await requestOtp.ExecuteAsync(r.Value("token"), r.Caller, r.Aborted).ConfigureAwait(false),
            issued => Answers.Json(new { sent = true, expiresAt = issued.ExpiresAtUtc }, StatusCodes.Status202Accepted));

    /// <summary><c>POST /api/sign/{token}</c>: sign (OTP, name, consent) or decline (reason).</summary>
    public async Task<IResult> DecideAsync(ApiRequest r)
    {
        var token = r.Value("token");
        var (input, failure) = await ReadAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(failure);
        }

        var result = input!.Decision == "sign"
            ? await sign.ExecuteAsync(new SignAgreementCommand(token, input.Otp, input.FullName, input.Consent), r.Caller, r.Aborted).ConfigureAwait(false)
            : await decline.ExecuteAsync(new DeclineAgreementCommand(token, input.Reason), r.Caller, r.Aborted).ConfigureAwait(false);
        return Answers.From(result, recorded => RequestReading.AnswerAsJson(r.Http.Request)
            ? Answers.Json(new { applicationId = recorded.ApplicationId, decision = input.Decision, evidenceId = recorded.EvidenceId, documentSha256 = recorded.DocumentSha256, signedAt = recorded.AtUtc })
            : Answers.Page(SigningPage.Recorded(recorded.Signed, recorded.AgreementNumber)));
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
