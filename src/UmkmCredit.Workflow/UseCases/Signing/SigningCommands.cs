using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Signing;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Signals;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Workflow.UseCases.Signing;

/// <summary>A signer's link with what it signs.</summary>
public sealed record SigningCase(ActionLink Link, string Role, StoredApplication Stored, AgreementModel Model, ApplicationSnapshot Snapshot)
{
    /// <summary>True when the workflow is waiting for this signer (their sequential turn, or parallel signing).</summary>
    public bool IsTurn => Snapshot.PendingLinkIds?.Contains(Link.LinkId) == true;
}

/// <summary>A signature as posted: the code, the typed name and the consent.</summary>
public sealed record SignAgreementCommand(string Token, string? Otp, string? FullName, bool Consent);

/// <summary>A refusal to sign, with its reason.</summary>
public sealed record DeclineAgreementCommand(string Token, string? Reason);

/// <summary>A recorded signature or refusal.</summary>
public sealed record SignatureRecorded(string ApplicationId, string AgreementNumber, bool Signed, string EvidenceId, string DocumentSha256, DateTime AtUtc);

/// <summary>A sent one-time code.</summary>
public sealed record OtpIssued(DateTime ExpiresAtUtc);

/// <summary>Resolves signing links to their case: link, application, agreement model and workflow state.</summary>
public sealed class SigningAccess(ActionLinkService links, IApplicationRepository applications, IAgreementArchive archive)
{
    /// <summary>The case of a token; <paramref name="allowUsed"/> lets a signer who already signed still download.</summary>
    public async Task<Result<SigningCase>> ResolveAsync(string token, bool allowUsed, Caller caller, CancellationToken cancellationToken)
    {
        var (check, link) = await links.CheckAsync(token, Signers.LinkRole, cancellationToken).ConfigureAwait(false);
        if (!(allowUsed && check == LinkCheck.Used) && LinkAccess.FailureFor(check, Signers.LinkRole) is { } failure)
        {
            return failure;
        }

        var stored = await applications.GetAsync(link!.ApplicationId, cancellationToken).ConfigureAwait(false);
        var json = await archive.GetModelAsync(link.ApplicationId, cancellationToken).ConfigureAwait(false);
        if (stored is null || json is null)
        {
            return Failure.NotFound();
        }

        var model = JsonSerializer.Deserialize<AgreementModel>(json, AgreementComposer.Json)!;
        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        if (!allowUsed && snapshot.Status.IsTerminal())
        {
            // The workflow closes open links right after it finishes; until then the state already tells.
            return LinkAccess.Finished(snapshot.Status);
        }

        return new SigningCase(link, Signers.RoleOf(link.LinkId), stored, model, snapshot);
    }

    /// <summary>409 for a signer whose turn has not come.</summary>
    public static Failure NotYourTurn() =>
        Failure.Conflict("Belum giliran Anda menandatangani. Anda akan menerima e-mail ketika giliran Anda tiba.");

    /// <summary>
    /// 409 when the OPD official who is to sign approved this application at either review level (the directory changed
    /// after the start-up validation); null when they may sign.
    /// </summary>
    public static Failure? FourEyesRefusal(SigningCase found)
    {
        if (found.Role != WorkflowNames.SignerRoles.Opd || found.Snapshot.Review is not { } review)
        {
            return null;
        }

        var approvers = new List<string>();
        if (review.Verdict == Domain.Review.ReviewVerdict.Approve)
        {
            approvers.Add(review.ReviewerId);
        }

        if (review.FirstLevel is { Verdict: Domain.Review.ReviewVerdict.Approve } first)
        {
            approvers.Add(first.ReviewerId);
        }

        var check = Domain.Review.FourEyes.MaySign(found.Link.ActorId, approvers);
        return check.Allowed ? null : Failure.Conflict(check.Refusal!);
    }

    /// <summary>429 for a link locked by wrong codes.</summary>
    public static Failure Locked() =>
        Failure.TooMany("Terlalu banyak percobaan", $"Kode OTP salah {OtpPolicy.MaxFailures} kali; tautan ini dikunci. Hubungi admin program untuk tautan baru.");

    /// <summary>The stored form of a code: bound to the application and the link.</summary>
    public static string HashCode(ActionLink link, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{link.ApplicationId}|{link.LinkId}|{code}")));
}

/// <summary>Opens the signing page and records the view.</summary>
public sealed class ViewSigning(SigningAccess access, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Runs the query.</summary>
    public async Task<Result<SigningCase>> ExecuteAsync(string token, Caller caller, CancellationToken cancellationToken)
    {
        var (found, failure) = await access.ResolveAsync(token, allowUsed: false, caller, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        await audit.AppendAsync(found!.Link.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.SigningViewed, found.Link.ActorId, found.Role, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        return found;
    }
}

/// <summary>Serves the agreement PDF to a signer (the signed copy once there is one) and records it.</summary>
public sealed class ViewSigningDocument(SigningAccess access, IAgreementArchive archive, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Runs the query.</summary>
    public async Task<Result<AgreementFile>> ExecuteAsync(string token, Caller caller, CancellationToken cancellationToken)
    {
        var (found, failure) = await access.ResolveAsync(token, allowUsed: true, caller, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var link = found!.Link;
        if (await AgreementFiles.LatestAsync(archive, link.ApplicationId, cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return Failure.NotFound();
        }

        await audit.AppendAsync(link.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.AgreementViewed, link.ActorId, null, caller.Ip, caller.UserAgent, file.Sha256), cancellationToken).ConfigureAwait(false);
        return file;
    }
}

/// <summary>Mails the signer a one-time code.</summary>
public sealed class RequestOtp(
    SigningAccess access, IOtpStore otps, INotifier notifier, IAuditTrail audit, IOptions<LinksOptions> linkOptions, IOptions<RateLimitOptions> limits, TimeProvider time, ILogger<RequestOtp> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<OtpIssued>> ExecuteAsync(string token, Caller caller, CancellationToken cancellationToken)
    {
        var (found, failure) = await access.ResolveAsync(token, allowUsed: false, caller, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (!found!.IsTurn)
        {
            return SigningAccess.NotYourTurn();
        }

        if (SigningAccess.FourEyesRefusal(found) is { } fourEyes)
        {
            return fourEyes;
        }

        var link = found.Link;
        var previous = await otps.GetAsync(link.ApplicationId, link.LinkId, cancellationToken).ConfigureAwait(false);
        if (!OtpPolicy.MayIssue(previous?.Failures ?? 0))
        {
            return SigningAccess.Locked();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (limits.Value.Enabled
            && OtpPolicy.WaitBeforeIssue(previous is { CodeHash.Length: > 0 } ? previous.ExpiresAtUtc : null, limits.Value.OtpInterval, now) is { } wait)
        {
            return Failure.TooMany("Kode baru belum dapat dikirim", "Kode OTP baru saja dikirim. Periksa e-mail Anda atau tunggu sebentar sebelum meminta kode baru.", wait);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var expires = OtpPolicy.ExpiresAt(now);
        await otps.IssueAsync(link.ApplicationId, link.LinkId, SigningAccess.HashCode(link, code), expires, cancellationToken).ConfigureAwait(false);
        await notifier.SendAsync(Messages.Otp(link.ActorEmail, link.ActorName, found.Model.Number, code, linkOptions.Value.Absolute($"sign/{token}")), cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(link.ApplicationId, new AuditEntry(now, AuditEvents.OtpSent, link.ActorId, null, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        Log.OtpSent(logger, link.ApplicationId, link.LinkId);
        return new OtpIssued(expires);
    }
}

/// <summary>Records a signature (code, own name, consent) exactly once and hands it to the workflow.</summary>
public sealed class SignAgreement(SigningAccess access, SignatureRecorder recorder, ActionLinkService links, IOtpStore otps, TimeProvider time, ILogger<SignAgreement> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<SignatureRecorded>> ExecuteAsync(SignAgreementCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var (check, used) = await links.CheckAsync(command.Token, Signers.LinkRole, cancellationToken).ConfigureAwait(false);
        if (check == LinkCheck.Used && !string.IsNullOrEmpty(command.Otp))
        {
            // A retry with the code that signed answers the same success (and re-delivers it if it never arrived).
            var state0 = await otps.GetAsync(used!.ApplicationId, used.LinkId, cancellationToken).ConfigureAwait(false);
            var presented = SigningAccess.HashCode(used, command.Otp);
            return await recorder.RepeatAsync(used, s => s.Signed == true && state0 is { CodeHash.Length: > 0 }
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state0.CodeHash), Encoding.ASCII.GetBytes(presented)), caller, cancellationToken).ConfigureAwait(false);
        }

        var (found, failure) = await access.ResolveAsync(command.Token, allowUsed: false, caller, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var link = found!.Link;
        var errors = SignatureRules.ValidateSign(command.Otp, command.FullName, link.ActorName, command.Consent);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (!found.IsTurn)
        {
            return SigningAccess.NotYourTurn();
        }

        if (SigningAccess.FourEyesRefusal(found) is { } fourEyes)
        {
            return fourEyes;
        }

        var state = await otps.GetAsync(link.ApplicationId, link.LinkId, cancellationToken).ConfigureAwait(false);
        switch (OtpPolicy.Readiness(state is { CodeHash.Length: > 0 }, state?.ExpiresAtUtc ?? default, state?.Failures ?? 0, time.GetUtcNow().UtcDateTime))
        {
            case OtpReadiness.Locked:
                return SigningAccess.Locked();
            case OtpReadiness.NotIssued or OtpReadiness.Expired:
                return Failure.Forbidden("Kode OTP tidak berlaku", "Kode OTP belum diminta atau sudah kedaluwarsa. Minta kode baru.");
        }

        // Count the attempt before comparing: under any number of parallel guesses at most MaxFailures are compared.
        if (await otps.TryCountAttemptAsync(link.ApplicationId, link.LinkId, OtpPolicy.MaxFailures, cancellationToken).ConfigureAwait(false) is not { } failures)
        {
            return SigningAccess.Locked();
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state!.CodeHash), Encoding.ASCII.GetBytes(SigningAccess.HashCode(link, command.Otp!))))
        {
            Log.OtpRejected(logger, link.ApplicationId, link.LinkId, failures);
            return OtpPolicy.IsLocked(failures)
                ? SigningAccess.Locked()
                : Failure.Forbidden("Kode OTP salah", $"Kode OTP salah. Sisa percobaan: {OtpPolicy.Remaining(failures)}.");
        }

        return await recorder.RecordAsync(found, command.Token, signed: true, reason: null, caller, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Records a refusal to sign exactly once; the workflow then ends the application and tells every party.</summary>
public sealed class DeclineAgreement(SigningAccess access, SignatureRecorder recorder, ActionLinkService links)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<SignatureRecorded>> ExecuteAsync(DeclineAgreementCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var (check, used) = await links.CheckAsync(command.Token, Signers.LinkRole, cancellationToken).ConfigureAwait(false);
        if (check == LinkCheck.Used && !string.IsNullOrWhiteSpace(command.Reason))
        {
            var reason = command.Reason.Trim();
            return await recorder.RepeatAsync(used!, s => s.Signed == false && s.Note == reason, caller, cancellationToken).ConfigureAwait(false);
        }

        var (found, failure) = await access.ResolveAsync(command.Token, allowUsed: false, caller, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var errors = SignatureRules.ValidateDecline(command.Reason);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (!found!.IsTurn)
        {
            return SigningAccess.NotYourTurn();
        }

        return await recorder.RecordAsync(found, command.Token, signed: false, command.Reason!.Trim(), caller, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The shared tail of signing and declining: use the link once, keep the evidence, signal the workflow.</summary>
public sealed class SignatureRecorder(ActionLinkService links, DecisionDelivery delivery, IAgreementArchive archive, IAuditTrail audit, TimeProvider time, ILogger<SignatureRecorder> logger)
{
    /// <summary>Records the signature or refusal.</summary>
    public async Task<Result<SignatureRecorded>> RecordAsync(SigningCase found, string token, bool signed, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        var link = found.Link;
        var now = time.GetUtcNow().UtcDateTime;
        var draftSha = await archive.GetPdfHashAsync(link.ApplicationId, WorkflowNames.AgreementFiles.Draft, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var evidence = Guid.NewGuid().ToString("N");
        var signal = new WorkflowSignal(SignalKind.Signature, link.ActorId, link.LinkId, Note: reason, Signed: signed, EvidenceId: evidence, DocumentSha256: draftSha, AtUtc: now);

        // Concurrent posts of the same refusal are one refusal; a second signature post is a retry only with its code (above).
        var (accepted, stored) = await delivery.AcceptAsync(caller.Durable, link, signal, now, s => !signed && s.Signed == false && s.Note == reason, cancellationToken).ConfigureAwait(false);
        switch (accepted)
        {
            case AcceptOutcome.Refused:
                var (again, _) = await links.CheckAsync(token, Signers.LinkRole, cancellationToken).ConfigureAwait(false);
                return LinkAccess.FailureFor(again, Signers.LinkRole) ?? LinkAccess.FailureFor(LinkCheck.Used, Signers.LinkRole)!;
            case AcceptOutcome.Repeated:
                return Recorded(link, found.Model.Number, stored!);
        }

        await audit.AppendAsync(link.ApplicationId, new AuditEntry(now, signed ? AuditEvents.SignatureSigned : AuditEvents.SignatureDeclined, link.ActorId,
            signed ? $"{found.Role}; OTP terverifikasi; persetujuan diberikan; bukti {evidence}" : $"{found.Role}: {reason}",
            caller.Ip, caller.UserAgent, draftSha), cancellationToken).ConfigureAwait(false);
        await delivery.DeliverAsync(caller.Durable, link.ApplicationId, signal, cancellationToken).ConfigureAwait(false);
        Log.SignatureRecorded(logger, link.ApplicationId, link.LinkId, signed ? WorkflowNames.AgreementFiles.Signed : "declined");
        return Recorded(link, found.Model.Number, signal);
    }

    /// <summary>A retry of a recorded signature or refusal: the same success (re-delivered if it never arrived), else 409.</summary>
    public async Task<Result<SignatureRecorded>> RepeatAsync(ActionLink link, Func<WorkflowSignal, bool> sameRequest, Caller caller, CancellationToken cancellationToken)
    {
        var (outcome, stored) = await delivery.RepeatAsync(caller.Durable, link, sameRequest, cancellationToken).ConfigureAwait(false);
        if (outcome != AcceptOutcome.Repeated)
        {
            return LinkAccess.FailureFor(LinkCheck.Used, Signers.LinkRole)!;
        }

        var json = await archive.GetModelAsync(link.ApplicationId, cancellationToken).ConfigureAwait(false);
        var number = json is null ? string.Empty : JsonSerializer.Deserialize<AgreementModel>(json, AgreementComposer.Json)!.Number;
        return Recorded(link, number, stored!);
    }

    private static SignatureRecorded Recorded(ActionLink link, string number, WorkflowSignal signal) =>
        new(link.ApplicationId, number, signal.Signed == true, signal.EvidenceId ?? string.Empty, signal.DocumentSha256 ?? string.Empty, signal.AtUtc ?? link.UsedAtUtc ?? default);
}
