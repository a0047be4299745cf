using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Applicant;
using UmkmCredit.Workflow.UseCases.Verification;

namespace UmkmCredit.Api.Signing;

/// <summary>Public verification of signed agreements (the QR code links here) and the applicant's download.</summary>
public sealed class VerifyEndpoints(VerifyAgreement verify, ApplicantQueries queries)
{
    /// <summary><c>GET /api/verify/{id}?sha256=</c>.</summary>
    public async Task<IResult> ByIdAsync(ApiRequest r) =>
        Answers.From(await verify.ByIdAsync(r.Value("id"), r.Http.Request.Query["sha256"].ToString(), r.Aborted).ConfigureAwait(false), result => Answer(r, result));

    /// <summary><c>POST /api/verify</c> with the PDF as the body.</summary>
    public async Task<IResult> ByFileAsync(ApiRequest r)
    {
        var body = await RequestReading.ReadLimitedAsync(r.Http.Request.Body, r.Http.Request.ContentLength, VerifyAgreement.MaxPdfBytes, r.Aborted).ConfigureAwait(false);
        if (body is null)
        {
            return Answers.Failure(Failure.TooLarge("Berkas melebihi 20 MB."));
        }

        return Answers.From(await verify.ByFileAsync(body, r.Aborted).ConfigureAwait(false), result => result.Info is null
            ? Answers.Json(new { valid = false, @checked = true, sha256 = result.PresentedSha256, signatures = Listed(result.Signatures) })
            : Answer(r, result));
    }

    /// <summary><c>GET /api/applications/{id}/agreement</c>: the signed agreement when completed, else the draft.</summary>
    public async Task<IResult> DownloadAsync(ApiRequest r) =>
        Answers.From(await queries.GetAgreementAsync(r.Value("id"), r.ApplicantToken, r.Aborted).ConfigureAwait(false), file =>
        {
            r.Http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Pdf, "application/pdf", $"perjanjian-{file.ApplicationId}.pdf");
        });

    private static IEnumerable<object> Listed(IReadOnlyList<EmbeddedSignatureInfo> signatures) =>
        signatures.Select(s => new { name = s.Name, role = s.Role, signedAt = s.SignedAt, valid = s.Valid });

    private static string SignaturesCard(IReadOnlyList<EmbeddedSignatureInfo> signatures) => signatures.Count == 0 ? string.Empty :
        "<h2>Tanda tangan digital dalam PDF</h2><div class=\"card\">" + Html.Facts([.. signatures.Select(s => (
            s.Role == "seal" ? "Segel program" : Signers.RoleLabel(s.Role ?? "tanda tangan"),
            (string?)$"{s.Name} — {(s.SignedAt is { } at ? Wita.FormatTimestamp(at) : "waktu tidak diketahui")} — {(s.Valid ? "sah" : "TIDAK SAH")}"))]) + "</div>";

    private static IResult Answer(ApiRequest r, VerificationResult result)
    {
        var info = result.Info!;
        if (RequestReading.WantsJson(r.Http.Request))
        {
            return Answers.Json(new
            {
                valid = result.Valid,
                @checked = result.Checked,
                agreementNumber = info.Number,
                signedAt = info.SignedAtUtc,
                parties = info.Parties.Select(p => new { role = p.Role, name = p.Name }),
                signatures = Listed(result.Signatures),
            });
        }

        var verdict = !result.Checked
            ? "<p>Catatan perjanjian yang tersimpan di sistem program.</p>"
            : "<p><span class=\"status\" id=\"valid\" data-valid=\"" + (result.Valid ? "true" : "false") + "\">"
                + (result.Valid ? "Dokumen asli dan tidak berubah" : "Dokumen TIDAK cocok dengan perjanjian yang tersimpan") + "</span></p>";
        var html = "<h1>Verifikasi perjanjian</h1><div class=\"card\">" + verdict
            + Html.Facts([("Nomor", info.Number), ("Ditandatangani", Wita.FormatTimestamp(info.SignedAtUtc)),
                .. info.Parties.Select(p => (Signers.RoleLabel(p.Role), (string?)p.Name))])
            + "</div>" + SignaturesCard(result.Signatures);
        return Answers.Page(Html.Page("Verifikasi perjanjian", html));
    }
}
