using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Workflow.Agreements;

/// <summary>Where a signer's visible signature goes (PDF user space, points, origin bottom-left).</summary>
/// <param name="Page">Zero-based page index.</param>
/// <param name="X">Left.</param>
/// <param name="Y">Bottom.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record SignaturePlacement(int Page, double X, double Y, double Width, double Height);

/// <summary>One signer of a signing request.</summary>
/// <param name="SignerId">Stable id within the request (the role here: <c>applicant</c>, <c>bank</c>, <c>opd</c>).</param>
/// <param name="Role">The role.</param>
/// <param name="Name">Full name, as on the identity document.</param>
/// <param name="Email">Where the provider may reach the signer.</param>
/// <param name="Placement">Where the signature is shown.</param>
public sealed record SignerSpec(string SignerId, string Role, string Name, string Email, SignaturePlacement Placement);

/// <summary>A request to have a document signed by several people.</summary>
/// <param name="Reference">The caller's reference (the application id); providers echo it in callbacks.</param>
/// <param name="DocumentName">File name shown to signers.</param>
/// <param name="Document">The PDF.</param>
/// <param name="Signers">Signers, in signing order.</param>
/// <param name="Sequential">True when signers sign one after another.</param>
/// <param name="Location">Where the agreement is signed (printed in the signatures).</param>
public sealed record SignatureRequest(string Reference, string DocumentName, byte[] Document, IReadOnlyList<SignerSpec> Signers, bool Sequential, string Location);

/// <summary>How a signer authorises their signature with the provider.</summary>
public enum SignerActionKind
{
    /// <summary>The programme already verified the signer (its own OTP and consent); the provider only needs the evidence.</summary>
    Verified,

    /// <summary>The provider sends the signer an OTP; the code is passed to <see cref="ISignatureProvider.AuthoriseAsync"/>.</summary>
    Otp,

    /// <summary>The signer follows a URL of the provider (identity check, liveness, signing) and the provider calls back.</summary>
    Redirect,
}

/// <summary>What a signer must do next.</summary>
/// <param name="SignerId">The signer.</param>
/// <param name="Kind">The kind of action.</param>
/// <param name="Url">For <see cref="SignerActionKind.Redirect"/>, where to send the signer.</param>
public sealed record SignerAction(string SignerId, SignerActionKind Kind, Uri? Url);

/// <summary>A signer's authorisation.</summary>
/// <param name="EvidenceId">The programme's evidence record (OTP check, consent, IP, user agent).</param>
/// <param name="SignedAtUtc">When the signer consented.</param>
/// <param name="Otp">The provider's OTP, for <see cref="SignerActionKind.Otp"/>.</param>
public sealed record SignerAuthorisation(string EvidenceId, DateTime SignedAtUtc, string? Otp = null);

/// <summary>State of a request or a signer.</summary>
public enum SignatureState
{
    /// <summary>Waiting.</summary>
    Pending,

    /// <summary>Signed (a signer) or complete (the request).</summary>
    Signed,

    /// <summary>Refused or expired.</summary>
    Rejected,
}

/// <summary>Where a request stands.</summary>
/// <param name="RequestId">The provider's id.</param>
/// <param name="State">The request's state.</param>
/// <param name="Signers">Each signer's state, in order.</param>
public sealed record SignatureRequestStatus(string RequestId, SignatureState State, IReadOnlyList<(string SignerId, SignatureState State)> Signers);

/// <summary>
/// A signature provider, shaped after the Indonesian certified providers (PSrE: Privy, Peruri, BSrE/BSSN,
/// VIDA): create a request for a document and its signers with placements → each signer gets an action
/// (an OTP or a URL) → authorise → poll or receive a callback (verified with <see cref="SignatureCallbacks"/>)
/// → download the signed document. <c>Signing:Provider</c> chooses the implementation; <c>local</c> signs with
/// the programme's own certificate.
/// </summary>
public interface ISignatureProvider
{
    /// <summary>Name used in configuration and the audit trail.</summary>
    string Name { get; }

    /// <summary>Creates a signing request; returns the provider's request id.</summary>
    Task<string> CreateRequestAsync(SignatureRequest request, CancellationToken cancellationToken = default);

    /// <summary>What the signer must do.</summary>
    Task<SignerAction> GetSignerActionAsync(string requestId, string signerId, CancellationToken cancellationToken = default);

    /// <summary>Authorises one signer's signature (in order for sequential requests).</summary>
    Task AuthoriseAsync(string requestId, string signerId, SignerAuthorisation authorisation, CancellationToken cancellationToken = default);

    /// <summary>The request's state.</summary>
    Task<SignatureRequestStatus> GetStatusAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>The signed document (every signer's signature in its own revision).</summary>
    Task<byte[]> DownloadAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>The programme's electronic seal: the last revision, with an RFC 3161 timestamp.</summary>
public interface IAgreementSeal
{
    /// <summary>Seals the document; throws <see cref="Documents.Signatures.TimeStampException"/> when the time-stamp authority fails (the workflow retries).</summary>
    Task<byte[]> SealAsync(byte[] pdf, SealDetails details, CancellationToken cancellationToken = default);
}

/// <summary>What the seal says.</summary>
/// <param name="AgreementNumber">The agreement number.</param>
/// <param name="VerifyUrl">Where anyone can check the document.</param>
/// <param name="Location">Where it is sealed.</param>
public sealed record SealDetails(string AgreementNumber, string VerifyUrl, string Location);

/// <summary>A stamp-duty request: which document, and where the e-Meterai goes.</summary>
/// <param name="Reference">The application id.</param>
/// <param name="DocumentNumber">The agreement number.</param>
/// <param name="Amount">The agreement's value (rupiah), which decides whether duty is due.</param>
public sealed record StampDutyRequest(string Reference, string DocumentNumber, long Amount);

/// <summary>
/// The e-Meterai (stamp duty, UU 10/2020) provider: reserves a serial for a document, then affixes the
/// stamp at the placement box before anyone's PDF signature. The local implementation records a placeholder
/// serial and prints "e-Meterai belum dibubuhkan" in the box.
/// </summary>
public interface IStampDutyProvider
{
    /// <summary>Reserves (or returns the already reserved) serial; the mark is printed with the box when the document is rendered.</summary>
    Task<StampDutyMark> ReserveAsync(StampDutyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Affixes the stamp at <paramref name="placement"/>; returns the stamped PDF (unchanged locally).</summary>
    Task<byte[]> AffixAsync(StampDutyRequest request, StampDutyMark mark, byte[] pdf, PageBox placement, CancellationToken cancellationToken = default);
}

/// <summary>
/// Verifies a provider's callback: <c>HMAC-SHA256(secret, timestamp + "." + body)</c> as lower-case hex,
/// optionally prefixed <c>sha256=</c>, compared in constant time, and the timestamp within a tolerance.
/// </summary>
public static class SignatureCallbacks
{
    /// <summary>The signature of a callback body (what a provider sends).</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        byte[] prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        byte[] message = [.. prefix, .. body];
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>True when <paramref name="signature"/> is valid for the body and the timestamp is within <paramref name="tolerance"/> of <paramref name="nowUtc"/>.</summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset nowUtc, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            || Math.Abs(nowUtc.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        string expected = Sign(secret, seconds, body);
        string presented = signature.StartsWith("sha256=", StringComparison.Ordinal) ? signature : "sha256=" + signature;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented.ToLowerInvariant()));
    }
}
