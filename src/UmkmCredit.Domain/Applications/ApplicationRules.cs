namespace UmkmCredit.Domain.Applications;

/// <summary>The answer of a rule: allowed, or refused with a reason people can read.</summary>
/// <param name="Allowed">True when the action may go ahead.</param>
/// <param name="Refusal">Why not, in Indonesian (null when allowed).</param>
public readonly record struct RuleCheck(bool Allowed, string? Refusal)
{
    /// <summary>Allowed.</summary>
    public static RuleCheck Yes { get; } = new(true, null);

    /// <summary>Refused with a reason.</summary>
    public static RuleCheck No(string refusal) => new(false, refusal);
}

/// <summary>
/// Who may do what in which status: the one place that answers "may the applicant upload now?", "may an
/// administrator cancel?", "does this application belong in the SIKP export?". Commands ask; they never decide.
/// </summary>
public static class ApplicationRules
{
    private static readonly ApplicationStatus[] DocumentStates =
        [ApplicationStatus.Submitted, ApplicationStatus.AwaitingDocuments, ApplicationStatus.RevisionRequested];

    /// <summary>Statuses whose applicant is no longer a prospective debtor (left out of the SIKP export).</summary>
    public static IReadOnlySet<ApplicationStatus> NotProspective { get; } = new HashSet<ApplicationStatus>
    {
        ApplicationStatus.Rejected, ApplicationStatus.Declined, ApplicationStatus.Expired, ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
    };

    /// <summary>The applicant may upload or replace documents while screening, waiting for documents or revising.</summary>
    public static RuleCheck MayChangeDocuments(ApplicationStatus status) => Array.IndexOf(DocumentStates, status) >= 0
        ? RuleCheck.Yes
        : RuleCheck.No($"Dokumen tidak dapat diubah lagi karena status permohonan \"{status.Label()}\".");

    /// <summary>A revision may be sent only when the reviewer asked for one.</summary>
    public static RuleCheck MayResubmit(ApplicationStatus status) => status == ApplicationStatus.RevisionRequested
        ? RuleCheck.Yes
        : RuleCheck.No($"Perbaikan hanya dapat dikirim ketika status permohonan \"{ApplicationStatus.RevisionRequested.Label()}\".");

    /// <summary>The business's regency decides the reviewing OPD, so a revision may not move it.</summary>
    public static RuleCheck MayChangeRegency(string storedRegency, string revisedRegency) => string.Equals(storedRegency, revisedRegency, StringComparison.Ordinal)
        ? RuleCheck.Yes
        : RuleCheck.No("Kabupaten/kota usaha tidak dapat diubah pada perbaikan; ajukan permohonan baru.");

    /// <summary>The applicant may withdraw at any time before the application is finished.</summary>
    public static RuleCheck MayWithdraw(ApplicationStatus status) => status.IsTerminal()
        ? RuleCheck.No("Permohonan ini sudah selesai diproses dan tidak dapat ditarik.")
        : RuleCheck.Yes;

    /// <summary>An administrator may cancel any application that is not finished.</summary>
    public static RuleCheck MayCancel(ApplicationStatus status) => status.IsTerminal()
        ? RuleCheck.No($"Permohonan ini sudah selesai (\"{status.Label()}\") dan tidak dapat dibatalkan.")
        : RuleCheck.Yes;

    /// <summary>A review may be reassigned only while the application is being reviewed.</summary>
    public static RuleCheck MayReassign(ApplicationStatus status) => status == ApplicationStatus.InReview
        ? RuleCheck.Yes
        : RuleCheck.No($"Penilai hanya dapat dialihkan ketika permohonan sedang dinilai (status sekarang \"{status.Label()}\").");

    /// <summary>A reviewer's decision counts only while the application is being reviewed.</summary>
    public static RuleCheck MayDecideReview(ApplicationStatus status) => status == ApplicationStatus.InReview
        ? RuleCheck.Yes
        : RuleCheck.No($"Keputusan tidak dapat dicatat karena status permohonan \"{status.Label()}\".");

    /// <summary>True when the applicant is still a prospective debtor and belongs in the SIKP export.</summary>
    public static bool IsExportable(ApplicationStatus status) => !NotProspective.Contains(status);

    /// <summary>True when a pending action is past its deadline.</summary>
    public static bool IsOverdue(ApplicationStatus status, DateTime? deadlineUtc, DateTime nowUtc) =>
        !status.IsTerminal() && deadlineUtc is { } d && d < nowUtc;
}
