using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Governance;

/// <summary>What a submission found in the claim of its NIK.</summary>
/// <param name="HolderId">The application the claim names.</param>
/// <param name="Released">True when the holder reached a final state and freed the claim.</param>
/// <param name="ClaimedAtUtc">When the holder took it.</param>
/// <param name="HolderStored">True when the holder's application is stored.</param>
/// <param name="HolderStatus">The holder's last recorded status (null when no status is recorded yet).</param>
public readonly record struct NikClaimView(string HolderId, bool Released, DateTime ClaimedAtUtc, bool HolderStored, ApplicationStatus? HolderStatus);

/// <summary>
/// One active application per NIK: the rule that decides whether a submission may take the NIK's claim from the
/// application that holds it. Pure; the intake reads the facts and takes the claim under an ETag.
/// </summary>
public static class ActiveApplicationRule
{
    /// <summary>Stable code of the refusal (<c>errorCodes["applicant.nik"]</c>).</summary>
    public const string Code = "nik.activeApplication";

    /// <summary>
    /// How long a claim whose application was never stored still counts: the holder may be between its claim and its
    /// write. After this, the holder is taken to have crashed and the NIK is free again.
    /// </summary>
    public static TimeSpan UnstoredGrace { get; } = TimeSpan.FromMinutes(2);

    /// <summary>True when <paramref name="applicationId"/> may take the claim described by <paramref name="claim"/>.</summary>
    public static bool MayTake(NikClaimView claim, string applicationId, DateTime nowUtc)
    {
        if (claim.Released || string.Equals(claim.HolderId, applicationId, StringComparison.Ordinal))
        {
            return true;
        }

        if (!claim.HolderStored)
        {
            return nowUtc - claim.ClaimedAtUtc >= UnstoredGrace;
        }

        return claim.HolderStatus is { } status && status.IsTerminal();
    }

    /// <summary>The message at the NIK field: names the other application's reference (never its token).</summary>
    public static string Message(string? holderReference) => holderReference is { Length: > 0 }
        ? $"Masih ada permohonan yang sedang berjalan dengan NIK ini ({holderReference}). Satu NIK hanya boleh memiliki satu permohonan aktif. Buka tautan status dari e-mail Anda, atau gunakan halaman \"Lupa tautan?\" untuk mendapatkannya lagi."
        : "Masih ada permohonan yang sedang diproses dengan NIK ini. Satu NIK hanya boleh memiliki satu permohonan aktif. Gunakan halaman \"Lupa tautan?\" untuk mendapatkan tautan statusnya.";
}
