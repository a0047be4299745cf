using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Documents.Signatures;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Signatures;

/// <summary>
/// The local signature provider: the programme signs on each signer's behalf with its own certificate after
/// its own OTP check (the action is <see cref="SignerActionKind.Verified"/>); every signature is a PAdES
/// revision whose field carries the signer's name, role, reason, location and OTP evidence id. Requests live
/// in memory for the duration of one activity run (the activity stores the downloaded result).
/// </summary>
public sealed class LocalSignatureProvider(SigningKeys keys) : ISignatureProvider
{
    private readonly ConcurrentDictionary<string, LocalRequest> _requests = new();

    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public Task<string> CreateRequestAsync(SignatureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string id = "local-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _requests[id] = new LocalRequest(request) { Document = request.Document };
        return Task.FromResult(id);
    }

    /// <inheritdoc />
    public Task<SignerAction> GetSignerActionAsync(string requestId, string signerId, CancellationToken cancellationToken = default)
    {
        _ = Find(requestId).Signer(signerId);
        return Task.FromResult(new SignerAction(signerId, SignerActionKind.Verified, null));
    }

    /// <inheritdoc />
    public async Task AuthoriseAsync(string requestId, string signerId, SignerAuthorisation authorisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        LocalRequest r = Find(requestId);
        SignerSpec signer = r.Signer(signerId);
        if (r.Signed.Contains(signerId))
        {
            return; // authorising twice changes nothing
        }

        if (r.Request.Sequential && r.Request.Signers[r.Signed.Count].SignerId != signerId)
        {
            throw new InvalidOperationException($"It is not {signerId}'s turn in request {requestId}.");
        }

        string label = Signers.RoleLabel(signer.Role);
        SignaturePlacement p = signer.Placement;
        var widget = new SignatureWidget(p.Page, p.X, p.Y, p.Width, p.Height,
        [
            "Ditandatangani secara elektronik oleh",
            signer.Name,
            label,
            Wita.FormatTimestamp(authorisation.SignedAtUtc),
            "Bukti OTP: " + authorisation.EvidenceId,
        ]);
        var field = new SignatureFieldSpec(
            signer.Role,
            signer.Name,
            string.Create(CultureInfo.InvariantCulture, $"{label} menyetujui dokumen setelah verifikasi OTP; bukti {authorisation.EvidenceId}"),
            r.Request.Location,
            signer.Email,
            authorisation.SignedAtUtc,
            widget);
        r.Document = await PdfSigner.SignAsync(r.Document, field, await keys.CredentialAsync(cancellationToken).ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
        r.Signed.Add(signerId);
    }

    /// <inheritdoc />
    public Task<SignatureRequestStatus> GetStatusAsync(string requestId, CancellationToken cancellationToken = default)
    {
        LocalRequest r = Find(requestId);
        var signers = r.Request.Signers.Select(s => (s.SignerId, r.Signed.Contains(s.SignerId) ? SignatureState.Signed : SignatureState.Pending)).ToList();
        return Task.FromResult(new SignatureRequestStatus(requestId, signers.All(s => s.Item2 == SignatureState.Signed) ? SignatureState.Signed : SignatureState.Pending, signers));
    }

    /// <inheritdoc />
    public Task<byte[]> DownloadAsync(string requestId, CancellationToken cancellationToken = default)
    {
        byte[] document = Find(requestId).Document;
        _requests.TryRemove(requestId, out _);
        return Task.FromResult(document);
    }

    private LocalRequest Find(string requestId) =>
        _requests.TryGetValue(requestId, out LocalRequest? r) ? r : throw new KeyNotFoundException($"Signing request {requestId} is not known.");

    private sealed class LocalRequest(SignatureRequest request)
    {
        public SignatureRequest Request { get; } = request;

        public byte[] Document { get; set; } = [];

        public List<string> Signed { get; } = [];

        public SignerSpec Signer(string id) =>
            Request.Signers.FirstOrDefault(s => s.SignerId == id) ?? throw new KeyNotFoundException($"Signer {id} is not in this request.");
    }
}

/// <summary>The programme's seal: an invisible signature field <c>seal</c> with an RFC 3161 timestamp, the last revision.</summary>
public sealed class ProgrammeSeal(SigningKeys keys, TimeStampAuthorities timeStamps, IOptions<DocumentSigningOptions> options, TimeProvider time) : IAgreementSeal
{
    /// <inheritdoc />
    public async Task<byte[]> SealAsync(byte[] pdf, SealDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var field = new SignatureFieldSpec(
            "seal",
            options.Value.Organisation,
            $"Segel elektronik program: perjanjian {details.AgreementNumber} telah ditandatangani semua pihak; sertifikat penyelesaian terlampir",
            details.Location,
            details.VerifyUrl,
            time.GetUtcNow().UtcDateTime);
        SigningCredential credential = await keys.CredentialAsync(cancellationToken).ConfigureAwait(false);
        return await PdfSigner.SignAsync(pdf, field, credential, timeStamps.Current(), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Development stamp duty: a deterministic placeholder serial per document, recorded in the audit trail, and
/// "e-Meterai belum dibubuhkan" printed in the meterai box. A real provider (Peruri) affixes the stamp instead.
/// </summary>
public sealed class LocalStampDutyProvider(IAuditTrail audit, TimeProvider time) : IStampDutyProvider
{
    /// <summary>Printed in the meterai box of development documents.</summary>
    public const string NotAffixed = "e-Meterai belum dibubuhkan";

    /// <inheritdoc />
    public async Task<StampDutyMark> ReserveAsync(StampDutyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string serial = "DEV" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request.Reference + "|" + request.DocumentNumber)))[..13];
        await audit.AppendAsync(request.Reference, new AuditEntry(time.GetUtcNow().UtcDateTime, "stampDuty.placeholder", "local", $"{serial} ({NotAffixed})"), cancellationToken).ConfigureAwait(false);
        return new StampDutyMark(serial, NotAffixed);
    }

    /// <inheritdoc />
    public Task<byte[]> AffixAsync(StampDutyRequest request, StampDutyMark mark, byte[] pdf, PageBox placement, CancellationToken cancellationToken = default) =>
        Task.FromResult(pdf);
}
