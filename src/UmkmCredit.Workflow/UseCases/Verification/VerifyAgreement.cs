using System.Security.Cryptography;
using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Agreements;

namespace UmkmCredit.Workflow.UseCases.Verification;

/// <summary>The answer of a verification: the stored record and whether the presented copy matched it.</summary>
/// <param name="Info">The signed agreement on record (null when a presented file matches nothing).</param>
/// <param name="Checked">True when a hash or file was presented.</param>
/// <param name="Valid">True only when the presented copy is the stored signed agreement.</param>
/// <param name="Signatures">The PDF signatures embedded in the stored (or presented) file, each validated.</param>
/// <param name="PresentedSha256">SHA-256 of the presented file, when a file was sent.</param>
public sealed record VerificationResult(SignedAgreementInfo? Info, bool Checked, bool Valid, IReadOnlyList<EmbeddedSignatureInfo> Signatures, string? PresentedSha256 = null);

/// <summary>Public verification of signed agreements: by id and hash (the QR code), or by the file itself.</summary>
public sealed class VerifyAgreement(IAgreementArchive archive, AgreementSignatureInspection inspection)
{
    /// <summary>Largest PDF accepted for verification.</summary>
    public const int MaxPdfBytes = 20 * 1024 * 1024;

    /// <summary><c>GET /api/verify/{id}?sha256=</c>.</summary>
    public async Task<Result<VerificationResult>> ByIdAsync(string id, string? sha256, CancellationToken cancellationToken)
    {
        var info = ApplicationState.IsApplicationId(id) ? await archive.FindSignedAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (info is null)
        {
            return Failure.NotFound();
        }

        var presented = (sha256 ?? string.Empty).Trim().ToLowerInvariant();
        if (presented.Length > 0 && (presented.Length != 64 || !presented.All(char.IsAsciiHexDigitLower)))
        {
            return Failure.Field("sha256", "sha256.format", "sha256 harus 64 digit heksadesimal.");
        }

        var signatures = await inspection.ForApplicationAsync(id, cancellationToken).ConfigureAwait(false);
        if (presented.Length == 0)
        {
            return new VerificationResult(info, Checked: false, Valid: false, signatures);
        }

        var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(info.Sha256));
        return new VerificationResult(info, Checked: true, valid, signatures);
    }

    /// <summary><c>POST /api/verify</c> with the PDF.</summary>
    public async Task<Result<VerificationResult>> ByFileAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        if (FileSignatures.Detect(pdf) != "application/pdf")
        {
            return Failure.Unsupported("Kirim berkas PDF perjanjian.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var info = await archive.FindBySha256Async(sha, cancellationToken).ConfigureAwait(false);
        return new VerificationResult(info, Checked: true, Valid: info is not null, AgreementSignatureInspection.Inspect(pdf), sha);
    }
}
