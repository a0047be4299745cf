using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Money;

namespace UmkmCredit.Domain.Review;

/// <summary>
/// Approval limits and the four-eyes rules: an approval above the deciding reviewer's limit needs a second level
/// (the regency's supervisor), the second level is another person than the first, and the OPD official who signs
/// the agreement is not a reviewer who approved it.
/// </summary>
public static class FourEyes
{
    /// <summary>True when approving <paramref name="approvedAmount"/> is above <paramref name="approvalLimit"/> (null: no limit).</summary>
    public static bool NeedsSecondLevel(long approvedAmount, long? approvalLimit) => approvalLimit is { } limit && approvedAmount > limit;

    /// <summary>True when two directory entries are one person: the same id, or the same e-mail address.</summary>
    public static bool SamePerson(string idA, string? emailA, string idB, string? emailB) =>
        string.Equals(idA, idB, StringComparison.Ordinal)
        || (!string.IsNullOrWhiteSpace(emailA) && string.Equals(emailA.Trim(), emailB?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The second level may be decided only by another person than the one who decided the first.</summary>
    public static RuleCheck MayDecideSecondLevel(string deciderId, string firstLevelReviewerId) =>
        string.Equals(deciderId, firstLevelReviewerId, StringComparison.Ordinal)
            ? RuleCheck.No("Persetujuan tingkat kedua harus diberikan oleh orang lain, bukan penilai yang menyetujui di tingkat pertama. Hubungi admin program agar penilaian dialihkan kepada atasan yang berwenang.")
            : RuleCheck.Yes;

    /// <summary>The OPD official may sign only when they approved at no level of the review.</summary>
    public static RuleCheck MaySign(string signerId, IEnumerable<string> approverIds) =>
        approverIds.Contains(signerId, StringComparer.Ordinal)
            ? RuleCheck.No("Pejabat OPD yang menandatangani perjanjian tidak boleh orang yang menyetujui permohonan ini. Hubungi admin program agar penanda tangan diganti.")
            : RuleCheck.Yes;

    /// <summary>The note in the audit trail when an approval goes to the second level.</summary>
    public static string SecondLevelNote(long approvedAmount, long approvalLimit) =>
        $"Disetujui {Rupiah.Format(approvedAmount)}, di atas batas kewenangan {Rupiah.Format(approvalLimit)}: perlu persetujuan tingkat kedua.";
}
