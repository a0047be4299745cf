using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Signing;

/// <summary>What a signer must give to sign (code, own name, consent) or to decline (a reason).</summary>
public static class SignatureRules
{
    /// <summary>Longest decline reason.</summary>
    public const int MaxReason = 2000;

    /// <summary>Every rule a signature attempt breaks, before the code is checked.</summary>
    public static IReadOnlyList<ValidationError> ValidateSign(string? otp, string? typedName, string signerName, bool consent)
    {
        var errors = new List<ValidationError>();
        if (!OtpPolicy.IsWellFormed(otp))
        {
            errors.Add(new("otp", "otp.format", "Kode OTP terdiri dari 6 angka."));
        }

        if (string.IsNullOrWhiteSpace(typedName))
        {
            errors.Add(new("fullName", "required", "Ketik nama lengkap Anda."));
        }
        else if (!NameMatches(typedName, signerName))
        {
            errors.Add(new("fullName", "fullName.mismatch", "Nama yang diketik tidak sama dengan nama penanda tangan."));
        }

        if (!consent)
        {
            errors.Add(new("consent", "consent.required", "Centang persetujuan untuk menandatangani secara elektronik."));
        }

        return errors;
    }

    /// <summary>Every rule a decline breaks.</summary>
    public static IReadOnlyList<ValidationError> ValidateDecline(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReason
            ? [new("reason", "reason.required", $"Tuliskan alasan penolakan (paling panjang {MaxReason} karakter).")]
            : [];

    /// <summary>The typed name equals the signer's, ignoring case and repeated spaces.</summary>
    public static bool NameMatches(string typed, string signerName) =>
        string.Equals(Normalize(typed), Normalize(signerName), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
