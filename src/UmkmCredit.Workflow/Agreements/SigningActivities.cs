using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Agreements;

/// <summary>On approval: allocates the agreement number, renders and stores the draft, records its hash.</summary>
public sealed class PrepareAgreement(
    IApplicationRepository applications,
    IAgreementNumbers numbers,
    IAgreementArchive archive,
    AgreementComposer composer,
    IAuditTrail audit,
    ILogger<PrepareAgreement> logger) : IWorkflowActivity<PrepareAgreementInput, AgreementDraft>
{
    /// <inheritdoc />
    public async Task<AgreementDraft> RunAsync(PrepareAgreementInput input, CancellationToken cancellationToken = default)
    {
        var stored = await applications.GetAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} is not stored.");
        AgreementModel model;
        var reused = false;
        if (await archive.GetModelAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            model = JsonSerializer.Deserialize<AgreementModel>(existing, AgreementComposer.Json)!; // a retry keeps the first number and date
            reused = true;
        }
        else
        {
            var year = Domain.Calendar.Wita.TodayFromUtc(input.NowUtc).Year;
            var sequence = await numbers.AllocateAsync(input.ApplicationId, stored.Application.Business.RegencyCode, year, cancellationToken).ConfigureAwait(false);
            model = composer.Compose(stored, sequence, input.NowUtc, input.ApprovedAmount, input.Recommendations);
            await archive.SaveModelAsync(input.ApplicationId, JsonSerializer.Serialize(model, AgreementComposer.Json), cancellationToken).ConfigureAwait(false);
        }

        var sha = await archive.GetPdfHashAsync(input.ApplicationId, WorkflowNames.AgreementFiles.Draft, cancellationToken).ConfigureAwait(false)
            ?? await archive.SavePdfAsync(input.ApplicationId, WorkflowNames.AgreementFiles.Draft, AgreementRenderer.RenderDraft(model), cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(input.ApplicationId, new AuditEntry(input.NowUtc, AuditEvents.AgreementDrafted, "system", model.Number, DocumentSha256: sha), cancellationToken).ConfigureAwait(false);
        Log.AgreementDrafted(logger, input.ApplicationId, model.Number, sha, reused);
        return new AgreementDraft(model.Number, sha, AgreementRenderer.ContentHash(model));
    }
}

/// <summary>Creates one signing link per signer (in the configured order); mails nothing yet.</summary>
public sealed class IssueSigningLinks(
    IApplicationRepository applications,
    Signers signers,
    ActionLinkService links,
    IOptions<SigningOptions> options,
    ILogger<IssueSigningLinks> logger) : IWorkflowActivity<IssueSigningLinksInput, SigningPlan>
{
    /// <inheritdoc />
    public async Task<SigningPlan> RunAsync(IssueSigningLinksInput input, CancellationToken cancellationToken = default)
    {
        var stored = await applications.GetAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} is not stored.");
        var plan = new List<SignerLink>();
        foreach (var role in options.Value.Roles)
        {
            var signer = signers.Resolve(role, stored);
            var linkId = Signers.LinkIdFor(role);
            await links.IssueAsync(input.ApplicationId, linkId, Signers.LinkRole, signer.ActorId, signer.Name, signer.Email, input.DeadlineUtc, cancellationToken).ConfigureAwait(false);
            plan.Add(new SignerLink(role, signer.Name, linkId));
        }

        Log.SigningLinksIssued(logger, input.ApplicationId, plan.Count, options.Value.Mode);
        return new SigningPlan(plan, options.Value.Mode == SigningMode.Parallel);
    }
}

/// <summary>Mails a signer their link when it is their turn.</summary>
public sealed class SendSigningLink(SigningLinks mailer, ILogger<SendSigningLink> logger) : IWorkflowActivity<SendSigningLinkInput, bool>
{
    /// <inheritdoc />
    public async Task<bool> RunAsync(SendSigningLinkInput input, CancellationToken cancellationToken = default)
    {
        await mailer.SendAsync(input.ApplicationId, input.LinkId, input.Kind, cancellationToken).ConfigureAwait(false);
        Log.SigningLinkSent(logger, input.ApplicationId, input.LinkId, input.Kind);
        return true;
    }
}

/// <summary>
/// Renders the signed agreement (signature page, certificate of completion, stamp-duty box), has every signer's
/// PDF signature added in signing order (each its own revision) by the signature provider, seals it with the
/// programme's timestamped seal, stores it and tells every party. Each stage is stored before the next, so a
/// retry after a failed seal (time-stamp authority down) reuses the signed revisions.
/// </summary>
public sealed class FinaliseAgreement(
    IApplicationRepository applications,
    IAgreementArchive archive,
    IAuditTrail audit,
    Signers signers,
    INotifier notifier,
    AccessTokens tokens,
    IOptions<LinksOptions> links,
    TimeProvider time,
    ISignatureProvider provider,
    IAgreementSeal seal,
    IStampDutyProvider stampDuty,
    IOptions<OpdOptions> opd,
    ILogger<FinaliseAgreement> logger) : IWorkflowActivity<FinaliseAgreementInput, string>
{
    /// <summary>Blob name of the agreement signed by every signer but not yet sealed.</summary>
    public const string CountersignedName = "countersigned";

    /// <inheritdoc />
    public async Task<string> RunAsync(FinaliseAgreementInput input, CancellationToken cancellationToken = default)
    {
        var id = input.ApplicationId;
        var stored = await applications.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {id} is not stored.");
        var model = JsonSerializer.Deserialize<AgreementModel>(await archive.GetModelAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Agreement model of {id} is missing."), AgreementComposer.Json)!;
        var verifyUrl = links.Value.Absolute($"verify/{id}");
        var sha = await archive.GetPdfHashAsync(id, WorkflowNames.AgreementFiles.Signed, cancellationToken).ConfigureAwait(false);
        if (sha is null)
        {
            var countersigned = (await archive.GetPdfAsync(id, CountersignedName, cancellationToken).ConfigureAwait(false))?.Pdf
                ?? await CountersignAsync(input, stored, model, cancellationToken).ConfigureAwait(false);
            var sealedPdf = await seal.SealAsync(countersigned, new SealDetails(model.Number, verifyUrl, model.PlaceName), cancellationToken).ConfigureAwait(false);
            sha = await archive.SavePdfAsync(id, WorkflowNames.AgreementFiles.Signed, sealedPdf, cancellationToken).ConfigureAwait(false);
        }

        var signedAt = input.Signatures.Count == 0 ? time.GetUtcNow().UtcDateTime : input.Signatures.Max(s => s.SignedAtUtc);
        await archive.RecordSignedAsync(new SignedAgreementInfo(id, model.Number, sha, signedAt,
            input.Signatures.Select(s => new SignedParty(s.Role, s.Name)).ToList()), cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(id, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.AgreementSigned, "system", model.Number, DocumentSha256: sha), cancellationToken).ConfigureAwait(false);

        var verifyWithHash = links.Value.Absolute($"verify/{id}?sha256={sha}");
        foreach (var role in input.Signatures.Select(s => s.Role).Distinct())
        {
            var signer = signers.Resolve(role, stored);
            var download = role == WorkflowNames.SignerRoles.Applicant
                ? links.Value.Absolute($"applications/{id}/agreement?token={tokens.Issue(id, stored.AccessTokenHash)}")
                : verifyWithHash;
            await notifier.SendAsync(Messages.AgreementCompleted(signer.Email, signer.Name, model.Number, download, verifyWithHash), cancellationToken).ConfigureAwait(false);
        }

        Log.AgreementFinalised(logger, id, model.Number, input.Signatures.Count, sha);
        return sha;
    }

    /// <summary>Renders the final document, affixes the stamp duty, and has the provider add every signer's signature; stores the result.</summary>
    private async Task<byte[]> CountersignAsync(FinaliseAgreementInput input, StoredApplication stored, AgreementModel model, CancellationToken cancellationToken)
    {
        var id = input.ApplicationId;
        var signatures = input.Signatures.Select(s => new SignatureRecord(s.Role, Signers.RoleLabel(s.Role).ToUpperInvariant(), s.Name, s.SignedAtUtc, s.EvidenceId, s.DocumentSha256)).ToList();
        var names = ActorNames.For(stored, signers, opd.Value);
        var certificate = (await audit.ReadAsync(id, cancellationToken).ConfigureAwait(false))
            .Select(e => new CertificateEntry(e.AtUtc, Labels.AuditEvent(e.Event), ActorNames.Display(e.Actor, names), e.Ip, e.UserAgent, e.DocumentSha256)).ToList();
        var duty = new StampDutyRequest(id, model.Number, model.Amount);
        var mark = await stampDuty.ReserveAsync(duty, cancellationToken).ConfigureAwait(false);
        var rendered = AgreementRenderer.RenderSignedWithLayout(model, signatures, certificate, mark);
        var pdf = rendered.StampDutyBox is { } box
            ? await stampDuty.AffixAsync(duty, mark, rendered.Pdf, box, cancellationToken).ConfigureAwait(false)
            : rendered.Pdf;

        var specs = input.Signatures.Select((s, i) =>
        {
            var who = signers.Resolve(s.Role, stored);
            var at = rendered.SignatureBoxes[Math.Min(i, rendered.SignatureBoxes.Count - 1)];
            return new SignerSpec(s.Role, s.Role, s.Name, who.Email, new SignaturePlacement(at.PageIndex, at.X, at.Y, at.Width, at.Height));
        }).ToList();
        var requestId = await provider.CreateRequestAsync(new SignatureRequest(id, $"perjanjian-{id}.pdf", pdf, specs, Sequential: true, model.PlaceName), cancellationToken).ConfigureAwait(false);
        foreach (var s in input.Signatures)
        {
            var action = await provider.GetSignerActionAsync(requestId, s.Role, cancellationToken).ConfigureAwait(false);
            if (action.Kind != SignerActionKind.Verified)
            {
                throw new InvalidOperationException($"Signature provider {provider.Name} wants a {action.Kind} action from {s.Role}; this workflow signs with the programme's own OTP evidence.");
            }

            await provider.AuthoriseAsync(requestId, s.Role, new SignerAuthorisation(s.EvidenceId, s.SignedAtUtc), cancellationToken).ConfigureAwait(false);
        }

        var status = await provider.GetStatusAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (status.State != SignatureState.Signed)
        {
            throw new InvalidOperationException($"Signature request {requestId} at {provider.Name} is {status.State}.");
        }

        var countersigned = await provider.DownloadAsync(requestId, cancellationToken).ConfigureAwait(false);
        await archive.SavePdfAsync(id, CountersignedName, countersigned, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(id, new AuditEntry(time.GetUtcNow().UtcDateTime, "agreement.countersigned", provider.Name, model.Number,
            DocumentSha256: Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(countersigned))), cancellationToken).ConfigureAwait(false);
        return countersigned;
    }
}

/// <summary>Tells every party that a signer declined.</summary>
public sealed class NotifyDeclined(
    IApplicationRepository applications,
    Signers signers,
    SigningLinks mailer,
    INotifier notifier,
    IOptions<SigningOptions> options,
    IOptions<LinksOptions> links,
    ILogger<NotifyDeclined> logger) : IWorkflowActivity<NotifyDeclinedInput, bool>
{
    /// <inheritdoc />
    public async Task<bool> RunAsync(NotifyDeclinedInput input, CancellationToken cancellationToken = default)
    {
        var stored = await applications.GetAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} is not stored.");
        var number = await mailer.NumberAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false);
        foreach (var role in options.Value.Roles)
        {
            var signer = signers.Resolve(role, stored);
            await notifier.SendAsync(Messages.AgreementDeclined(signer.Email, signer.Name, number, input.DeclinedBy, input.Reason,
                links.Value.Absolute("portal")), cancellationToken).ConfigureAwait(false);
        }

        Log.DeclineNotified(logger, input.ApplicationId, options.Value.Roles.Count);
        return true;
    }
}
