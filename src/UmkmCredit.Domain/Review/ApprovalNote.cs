using UmkmCredit.Domain.Money;

namespace UmkmCredit.Domain.Review;

/// <summary>
/// The note of the "Approved" status change (workflow version 2.0 on): the reviewer's note, then the terms the
/// applicant needs before the agreement arrives — the approved amount (a reviewer may approve less than was asked)
/// and the mentoring commitments that become a clause of the agreement. It reaches the applicant in the status
/// e-mail (and WhatsApp), the status page's history and the audit trail.
/// </summary>
public static class ApprovalNote
{
    /// <summary>
    /// <c>"{note} Jumlah disetujui: Rp40.000.000,00. Pendampingan: a; b."</c>; without an amount the approval is for the
    /// amount requested.
    /// </summary>
    public static string Compose(string? reviewerNote, long? approvedAmount, IReadOnlyList<string>? recommendations)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(reviewerNote))
        {
            parts.Add(reviewerNote.Trim());
        }

        parts.Add(approvedAmount is { } amount
            ? $"Jumlah disetujui: {Rupiah.Format(amount)}."
            : "Jumlah disetujui: sesuai jumlah yang diajukan.");
        var commitments = (recommendations ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim().TrimEnd('.', ';')).ToList();
        if (commitments.Count > 0)
        {
            parts.Add($"Pendampingan: {string.Join("; ", commitments)}.");
        }

        return string.Join(" ", parts);
    }
}
