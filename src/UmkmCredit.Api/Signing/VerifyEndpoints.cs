using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Applicant;
using UmkmCredit.Workflow.UseCases.Verification;

namespace UmkmCredit.Api.Signing;

/// <summary>Public verification of signed agreements (the QR code links here) and the applicant's download.</summary>
public sealed class VerifyEndpoints(VerifyAgreement verify, ApplicantQueries queries)
{
    /// <summary>
    /// <c>GET /api/verify/{id}?sha256=</c>: without a hash, the record page the QR code opens (JSON <c>checked: false</c>);
    /// with one, the result of comparing it.
    /// </summary>
    public async Task<IResult> ByIdAsync(ApiRequest r)
    {
        var id = r.Value("id");
        return Answers.From(r.Http.Request, await verify.ByIdAsync(id, r.Http.Request.Query["sha256"].ToString(), r.Aborted).ConfigureAwait(false),
            result => Answer(r, result, null), failure => VerifyPage.FormOnly(failure, null));
    }

    /// <summary>
    /// <c>POST /api/verify</c> with the PDF as the body, or as the multipart field <c>file</c> (the record page's form).
    /// </summary>
    public async Task<IResult> ByFileAsync(ApiRequest r)
    {
        var request = r.Http.Request;
        var (file, failure) = await ReadPdfAsync(request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(request, failure, f => VerifyPage.FormOnly(f, null));
        }

        return Answers.From(request, await verify.ByFileAsync(file.Pdf!, r.Aborted).ConfigureAwait(false), result => result.Info is null && !RequestReading.PrefersPage(request)
            ? Answers.Json(new { valid = false, @checked = true, sha256 = result.PresentedSha256, signatures = Listed(result.Signatures) })
            : Answer(r, result, file.Name), f => VerifyPage.FormOnly(f, null));
    }

    private readonly record struct PresentedPdf(byte[]? Pdf, string? Name);

    /// <summary>The presented PDF: the raw body, or the form's <c>file</c> field (≤ 20 MB either way).</summary>
    private static async Task<Result<PresentedPdf>> ReadPdfAsync(HttpRequest request, CancellationToken ct)
    {
        var tooLarge = Failure.TooLarge($"Berkas melebihi {VerifyAgreement.MaxPdfBytes / 1024 / 1024} MB.");
        if (!request.HasFormContentType)
        {
            var body = await RequestReading.ReadLimitedAsync(request.Body, request.ContentLength, VerifyAgreement.MaxPdfBytes, ct).ConfigureAwait(false);
            return body is null ? tooLarge : new PresentedPdf(body, null);
        }

        if (request.ContentLength > VerifyAgreement.MaxPdfBytes + (64 * 1024))
        {
            return tooLarge;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return tooLarge;
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Failure.Field("file", "file.required", "Pilih berkas PDF perjanjian yang akan diperiksa.");
        }

        if (file.Length > VerifyAgreement.MaxPdfBytes)
        {
            return tooLarge;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        var name = Path.GetFileName(file.FileName);
        return new PresentedPdf(buffer.ToArray(), name.Length > 120 ? name[..120] : name);
    }

    /// <summary><c>GET /api/applications/{id}/agreement</c>: the signed agreement when completed, else the draft.</summary>
    public async Task<IResult> DownloadAsync(ApiRequest r) =>
        Answers.From(r.Http.Request, await queries.GetAgreementAsync(r.Value("id"), r.ApplicantToken, r.Aborted).ConfigureAwait(false), file =>
        {
            r.Http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Pdf, "application/pdf", $"perjanjian-{file.ApplicationId}.pdf");
        });

    private static IEnumerable<object> Listed(IReadOnlyList<EmbeddedSignatureInfo> signatures) =>
        signatures.Select(s => new { name = s.Name, role = s.Role, signedAt = s.SignedAt, valid = s.Valid });

    private static IResult Answer(ApiRequest r, VerificationResult result, string? fileName)
    {
        if (RequestReading.WantsJson(r.Http.Request) && !RequestReading.PrefersPage(r.Http.Request))
        {
            var info = result.Info!;
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

        return Answers.Page(VerifyPage.Render(result, fileName));
    }
}
