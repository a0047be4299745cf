using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Workflow.Agreements;

namespace UmkmCredit.Api.Signing;

/// <summary>Public verification of signed agreements (the QR code links here) and the applicant's download.</summary>
public sealed class VerifyEndpoints(IAgreementArchive archive, ApplicationAccess access, AgreementSignatureInspection signatures)
{
    /// <summary>Largest PDF accepted for verification.</summary>
    public const int MaxPdfBytes = 20 * 1024 * 1024;

    /// <summary><c>GET /api/verify/{id}?sha256=</c>.</summary>
    public async Task<IResult> ByIdAsync(ApiRequest r)
    {
        var id = r.Value("id");
        var info = ApplicationAccess.IsApplicationId(id) ? await archive.FindSignedAsync(id, r.Http.RequestAborted).ConfigureAwait(false) : null;
        if (info is null)
        {
            return Problems.NotFound();
        }

        var presented = r.Http.Request.Query["sha256"].ToString().Trim().ToLowerInvariant();
        if (presented.Length > 0 && (presented.Length != 64 || !presented.All(char.IsAsciiHexDigitLower)))
        {
            return Problems.Field("sha256", "sha256.format", "sha256 harus 64 digit heksadesimal.");
        }

        var valid = presented.Length == 64 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(info.Sha256));
        return Answer(r, info, valid, await signatures.ForApplicationAsync(id, r.Http.RequestAborted).ConfigureAwait(false));
    }

    /// <summary><c>POST /api/verify</c> with the PDF as the body.</summary>
    public async Task<IResult> ByFileAsync(ApiRequest r)
    {
        var body = await RequestReading.ReadLimitedAsync(r.Http.Request.Body, r.Http.Request.ContentLength, MaxPdfBytes, r.Http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.TooLarge("Berkas melebihi 20 MB.");
        }

        if (FileSignatures.Detect(body) != "application/pdf")
        {
            return Problems.Unsupported("Kirim berkas PDF perjanjian.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var info = await archive.FindBySha256Async(sha, r.Http.RequestAborted).ConfigureAwait(false);
        return info is null
            ? Results.Json(new { valid = false, sha256 = sha, signatures = Listed(AgreementSignatureInspection.Inspect(body)) }, ApiJson.Options)
            : Answer(r, info, valid: true, AgreementSignatureInspection.Inspect(body));
    }

    /// <summary><c>GET /api/applications/{id}/agreement</c>: the signed agreement when completed, else the draft.</summary>
    public async Task<IResult> DownloadAsync(ApiRequest r)
    {
        var (stored, problem) = await access.AuthorizeAsync(r.Http.Request, r.Value("id")).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var ct = r.Http.RequestAborted;
        var pdf = await archive.GetPdfAsync(stored!.ApplicationId, "signed", ct).ConfigureAwait(false)
            ?? await archive.GetPdfAsync(stored.ApplicationId, "draft", ct).ConfigureAwait(false);
        if (pdf is null)
        {
            return Problems.NotFound();
        }

        r.Http.Response.Headers.CacheControl = "no-store";
        return Results.File(pdf.Value.Pdf, "application/pdf", $"perjanjian-{stored.ApplicationId}.pdf");
    }

    private static IEnumerable<object> Listed(IReadOnlyList<EmbeddedSignatureInfo> signatures) =>
        signatures.Select(s => new { name = s.Name, role = s.Role, signedAt = s.SignedAt, valid = s.Valid });

    private static string SignaturesCard(IReadOnlyList<EmbeddedSignatureInfo> signatures) => signatures.Count == 0 ? string.Empty :
        "<h2>Tanda tangan digital dalam PDF</h2><div class=\"card\">" + Html.Facts([.. signatures.Select(s => (
            s.Role == "seal" ? "Segel program" : Workflow.Agreements.Signers.RoleLabel(s.Role ?? "tanda tangan"),
            (string?)$"{s.Name} — {(s.SignedAt is { } at ? Wita.FormatTimestamp(at) : "waktu tidak diketahui")} — {(s.Valid ? "sah" : "TIDAK SAH")}"))]) + "</div>";

    private static IResult Answer(ApiRequest r, SignedAgreementInfo info, bool valid, IReadOnlyList<EmbeddedSignatureInfo> signatures)
    {
        var body = new
        {
            valid,
            agreementNumber = info.Number,
            signedAt = info.SignedAtUtc,
            parties = info.Parties.Select(p => new { role = p.Role, name = p.Name }),
            signatures = Listed(signatures),
        };
        if (RequestReading.WantsJson(r.Http.Request))
        {
            return Results.Json(body, ApiJson.Options);
        }

        var html = "<h1>Verifikasi perjanjian</h1><div class=\"card\"><p><span class=\"status\" id=\"valid\" data-valid=\"" + (valid ? "true" : "false") + "\">"
            + (valid ? "Dokumen asli dan tidak berubah" : "Dokumen TIDAK cocok dengan perjanjian yang tersimpan") + "</span></p>"
            + Html.Facts([("Nomor", info.Number), ("Ditandatangani", Wita.FormatTimestamp(info.SignedAtUtc)),
                .. info.Parties.Select(p => (Workflow.Agreements.Signers.RoleLabel(p.Role), (string?)p.Name))])
            + "</div>" + SignaturesCard(signatures);
        return Results.Content(Html.Page("Verifikasi perjanjian", html), "text/html; charset=utf-8");
    }
}
