using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Review;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Money;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Signing;

/// <summary>The signer's routes: page, draft, OTP, sign or decline (uncertified e-signature with full evidence).</summary>
public sealed class SigningEndpoints(
    ActionLinkService links,
    ILinkStore linkStore,
    IOtpStore otps,
    IAgreementArchive archive,
    IApplicationRepository applications,
    IAuditTrail audit,
    INotifier notifier,
    IOptions<LinksOptions> linkOptions,
    TimeProvider time)
{
    /// <summary>Wrong codes before the link locks.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a code lives.</summary>
    public static readonly TimeSpan OtpLifetime = TimeSpan.FromMinutes(10);

    /// <summary><c>GET /api/sign/{token}</c>.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        var (problem, link, stored, model) = await ResolveAsync(r, allowUsed: false).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var token = r.Value("token");
        var turn = await IsTurnAsync(r, link!, stored!).ConfigureAwait(false);
        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(link!.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, "signing.viewed", link.ActorId, Signers.RoleOf(link.LinkId), ip, ua), r.Http.RequestAborted).ConfigureAwait(false);
        var role = Signers.RoleOf(link.LinkId);
        if (RequestReading.WantsJson(r.Http.Request))
        {
            return Results.Json(new
            {
                applicationId = link.ApplicationId,
                agreementNumber = model!.Number,
                signer = new { role, name = link.ActorName },
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
                yourTurn = turn,
                deadline = link.ExpiresAtUtc,
            }, ApiJson.Options);
        }

        return Results.Content(SigningPage.Render(token, link, model!, turn), "text/html; charset=utf-8");
    }

    /// <summary><c>GET /api/sign/{token}/document</c>: the draft the signer signs.</summary>
    public async Task<IResult> DocumentAsync(ApiRequest r)
    {
        var (problem, link, _, _) = await ResolveAsync(r, allowUsed: true).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var ct = r.Http.RequestAborted;
        var pdf = await archive.GetPdfAsync(link!.ApplicationId, "signed", ct).ConfigureAwait(false)
            ?? await archive.GetPdfAsync(link.ApplicationId, "draft", ct).ConfigureAwait(false);
        if (pdf is null)
        {
            return Problems.NotFound();
        }

        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(link.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, "agreement.viewed", link.ActorId, null, ip, ua, pdf.Value.Sha256), ct).ConfigureAwait(false);
        r.Http.Response.Headers.CacheControl = "no-store";
        r.Http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(pdf.Value.Pdf, "application/pdf", fileDownloadName: null);
    }

    /// <summary><c>POST /api/sign/{token}/otp</c>: mails a 6-digit code valid for 10 minutes.</summary>
    public async Task<IResult> OtpAsync(ApiRequest r)
    {
        var (problem, link, stored, model) = await ResolveAsync(r, allowUsed: false).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var ct = r.Http.RequestAborted;
        if (!await IsTurnAsync(r, link!, stored!).ConfigureAwait(false))
        {
            return NotYourTurn();
        }

        if ((await otps.GetAsync(link!.ApplicationId, link.LinkId, ct).ConfigureAwait(false))?.Failures >= MaxFailures)
        {
            return Locked();
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", global::System.Globalization.CultureInfo.InvariantCulture);
        var now = time.GetUtcNow().UtcDateTime;
        await otps.IssueAsync(link.ApplicationId, link.LinkId, Hash(link, code), now + OtpLifetime, ct).ConfigureAwait(false);
        await notifier.SendAsync(Messages.Otp(link.ActorEmail, link.ActorName, model!.Number, code, linkOptions.Value.Absolute($"sign/{r.Value("token")}")), ct).ConfigureAwait(false);
        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(link.ApplicationId, new AuditEntry(now, "signing.otpSent", link.ActorId, null, ip, ua), ct).ConfigureAwait(false);
        return Results.Json(new { sent = true, expiresAt = now + OtpLifetime }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>POST /api/sign/{token}</c>: sign (OTP, name, consent) or decline (reason).</summary>
    public async Task<IResult> DecideAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var (input, parseProblem) = await ReadAsync(r.Http.Request, ct).ConfigureAwait(false);
        var (problem, link, stored, model) = await ResolveAsync(r, allowUsed: false).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (parseProblem is not null)
        {
            return parseProblem;
        }

        var errors = new Dictionary<string, (string Code, string Message)>();
        if (input!.Decision == "sign")
        {
            if (input.Otp is null || input.Otp.Length != 6 || !input.Otp.All(char.IsAsciiDigit))
            {
                errors["otp"] = ("otp.format", "Kode OTP terdiri dari 6 angka.");
            }

            if (string.IsNullOrWhiteSpace(input.FullName))
            {
                errors["fullName"] = ("required", "Ketik nama lengkap Anda.");
            }
            else if (!string.Equals(Normalize(input.FullName), Normalize(link!.ActorName), StringComparison.OrdinalIgnoreCase))
            {
                errors["fullName"] = ("fullName.mismatch", "Nama yang diketik tidak sama dengan nama penanda tangan.");
            }

            if (input.Consent != true)
            {
                errors["consent"] = ("consent.required", "Centang persetujuan untuk menandatangani secara elektronik.");
            }
        }
        else if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 2000)
        {
            errors["reason"] = ("reason.required", "Tuliskan alasan penolakan (paling panjang 2000 karakter).");
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors.ToDictionary(e => e.Key, e => new[] { e.Value.Message }), errors.ToDictionary(e => e.Key, e => new[] { e.Value.Code }));
        }

        if (!await IsTurnAsync(r, link!, stored!).ConfigureAwait(false))
        {
            return NotYourTurn();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (input.Decision == "sign")
        {
            var state = await otps.GetAsync(link!.ApplicationId, link.LinkId, ct).ConfigureAwait(false);
            if (state?.Failures >= MaxFailures)
            {
                return Locked();
            }

            if (state is null || state.CodeHash.Length == 0 || state.ExpiresAtUtc < now)
            {
                return Problems.Status(403, "Kode OTP tidak berlaku", "Kode OTP belum diminta atau sudah kedaluwarsa. Minta kode baru.");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state.CodeHash), Encoding.ASCII.GetBytes(Hash(link, input.Otp!))))
            {
                var failures = await otps.RecordFailureAsync(link.ApplicationId, link.LinkId, ct).ConfigureAwait(false);
                return failures >= MaxFailures ? Locked() : Problems.Status(403, "Kode OTP salah", $"Kode OTP salah. Sisa percobaan: {MaxFailures - failures}.");
            }
        }

        if (!await linkStore.TryCompleteAsync(link!.ApplicationId, link.LinkId, LinkStatus.Used, now, ct).ConfigureAwait(false))
        {
            var (again, _) = await links.CheckAsync(r.Value("token"), Signers.LinkRole, ct).ConfigureAwait(false);
            return ReviewEndpoints.LinkProblem(again) ?? Problems.Conflict("Tanda tangan untuk tautan ini sudah tercatat.");
        }

        var (ip, ua) = RequestReading.Client(r.Http.Request);
        var draftSha = await archive.GetPdfHashAsync(link.ApplicationId, "draft", ct).ConfigureAwait(false) ?? string.Empty;
        var evidence = Guid.NewGuid().ToString("N");
        var signed = input.Decision == "sign";
        await audit.AppendAsync(link.ApplicationId, new AuditEntry(now, signed ? "signature.signed" : "signature.declined", link.ActorId,
            signed ? $"{Signers.RoleOf(link.LinkId)}; OTP terverifikasi; persetujuan diberikan; bukti {evidence}" : $"{Signers.RoleOf(link.LinkId)}: {input.Reason}",
            ip, ua, draftSha), ct).ConfigureAwait(false);
        await r.Durable.RaiseEventAsync(link.ApplicationId, WorkflowNames.Events.Signal, new WorkflowSignal(
            SignalKind.Signature, link.ActorId, link.LinkId, Note: input.Reason, Signed: signed, EvidenceId: evidence, DocumentSha256: draftSha, AtUtc: now), ct).ConfigureAwait(false);

        if (!RequestReading.AnswerAsJson(r.Http.Request))
        {
            return Results.Content(SigningPage.Recorded(signed, model!.Number), "text/html; charset=utf-8");
        }

        return Results.Json(new { applicationId = link.ApplicationId, decision = input.Decision, evidenceId = evidence, documentSha256 = draftSha, signedAt = now }, ApiJson.Options);
    }

    private static IResult Locked() =>
        Problems.Status(429, "Terlalu banyak percobaan", "Kode OTP salah 5 kali; tautan ini dikunci. Hubungi admin program untuk tautan baru.");

    private static string Normalize(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Hash(ActionLink link, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{link.ApplicationId}|{link.LinkId}|{code}")));

    /// <summary>True when the orchestration is waiting for this signer (sequential turn or parallel).</summary>
    private static async Task<bool> IsTurnAsync(ApiRequest r, ActionLink link, StoredApplication stored) =>
        (await ApplicationAccess.SnapshotAsync(r.Durable, stored, r.Http.RequestAborted).ConfigureAwait(false)).PendingLinkIds?.Contains(link.LinkId) == true;

    private static IResult NotYourTurn() =>
        Problems.Conflict("Belum giliran Anda menandatangani. Anda akan menerima e-mail ketika giliran Anda tiba.");

    private async Task<(IResult? Problem, ActionLink? Link, StoredApplication? Stored, Documents.Agreements.AgreementModel? Model)> ResolveAsync(ApiRequest r, bool allowUsed)
    {
        var ct = r.Http.RequestAborted;
        var (check, link) = await links.CheckAsync(r.Value("token"), Signers.LinkRole, ct).ConfigureAwait(false);
        if (!(allowUsed && check == LinkCheck.Used) && ReviewEndpoints.LinkProblem(check) is { } problem)
        {
            return (problem, null, null, null);
        }

        var stored = await applications.GetAsync(link!.ApplicationId, ct).ConfigureAwait(false);
        var json = await archive.GetModelAsync(link.ApplicationId, ct).ConfigureAwait(false);
        if (stored is null || json is null)
        {
            return (Problems.NotFound(), null, null, null);
        }

        return (null, link, stored, JsonSerializer.Deserialize<Documents.Agreements.AgreementModel>(json, AgreementComposer.Json));
    }

    private sealed record SignInput(string Decision, string? Otp, string? FullName, bool? Consent, string? Reason);

    private static async Task<(SignInput? Input, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        string? decision, otp, name, reason;
        bool? consent;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            decision = form["decision"].ToString();
            otp = form["otp"].ToString().Trim();
            name = form["fullName"].ToString();
            reason = form["reason"].ToString();
            consent = form["consent"].ToString() is "true" or "on";
        }
        else
        {
            var (root, problem) = await RequestReading.ReadJsonObjectAsync(request, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                return (null, problem);
            }

            decision = Str(root, "decision");
            otp = Str(root, "otp");
            name = Str(root, "fullName");
            reason = Str(root, "reason");
            consent = root.TryGetProperty("consent", out var c) ? c.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => c.GetString() == "true",
                _ => null,
            } : null;
        }

        if (decision is not ("sign" or "decline"))
        {
            return (null, Problems.Field("decision", "decision.invalid", "Keputusan harus sign atau decline."));
        }

        return (new SignInput(decision, string.IsNullOrEmpty(otp) ? null : otp, name, consent, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), null);
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
