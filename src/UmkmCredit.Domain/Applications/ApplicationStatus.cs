using System.Text.Json.Serialization;

namespace UmkmCredit.Domain.Applications;

/// <summary>The status of an application (serialised as its name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))]
public enum ApplicationStatus
{
    /// <summary>Received and validated.</summary>
    Submitted,

    /// <summary>Waiting for the applicant to upload documents.</summary>
    AwaitingDocuments,

    /// <summary>With the OPD reviewer.</summary>
    InReview,

    /// <summary>The reviewer asked the applicant for changes.</summary>
    RevisionRequested,

    /// <summary>Approved by the reviewer.</summary>
    Approved,

    /// <summary>The agreement is out for signatures.</summary>
    AwaitingSignatures,

    /// <summary>Signed by every party (terminal).</summary>
    Completed,

    /// <summary>Rejected by screening or the reviewer (terminal).</summary>
    Rejected,

    /// <summary>A signer declined the agreement (terminal).</summary>
    Declined,

    /// <summary>A deadline passed (terminal).</summary>
    Expired,

    /// <summary>Withdrawn by the applicant (terminal).</summary>
    Withdrawn,

    /// <summary>Cancelled by an administrator (terminal).</summary>
    Cancelled,
}

/// <summary>The legal transitions between <see cref="ApplicationStatus"/> values.</summary>
public static class ApplicationStatusExtensions
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Legal = new()
    {
        [ApplicationStatus.Submitted] =
        [
            ApplicationStatus.AwaitingDocuments, ApplicationStatus.InReview, ApplicationStatus.Rejected,
            ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
        ],
        [ApplicationStatus.AwaitingDocuments] =
        [
            ApplicationStatus.InReview, ApplicationStatus.Rejected, ApplicationStatus.Expired,
            ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
        ],
        [ApplicationStatus.InReview] =
        [
            ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.RevisionRequested,
            ApplicationStatus.Expired, ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
        ],
        [ApplicationStatus.RevisionRequested] =
        [
            ApplicationStatus.InReview, ApplicationStatus.AwaitingDocuments, ApplicationStatus.Rejected,
            ApplicationStatus.Expired, ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
        ],
        [ApplicationStatus.Approved] =
        [
            ApplicationStatus.AwaitingSignatures, ApplicationStatus.Cancelled, ApplicationStatus.Withdrawn,
        ],
        [ApplicationStatus.AwaitingSignatures] =
        [
            ApplicationStatus.Completed, ApplicationStatus.Declined, ApplicationStatus.Expired,
            ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
        ],
    };

    /// <summary>True for Completed, Rejected, Declined, Expired, Withdrawn and Cancelled.</summary>
    public static bool IsTerminal(this ApplicationStatus status) => !Legal.ContainsKey(status);

    /// <summary>True when moving from <paramref name="from"/> to <paramref name="to"/> is legal.</summary>
    public static bool CanMoveTo(this ApplicationStatus from, ApplicationStatus to) =>
        Legal.TryGetValue(from, out ApplicationStatus[]? targets) && Array.IndexOf(targets, to) >= 0;

    /// <summary>The statuses reachable in one step from <paramref name="from"/> (empty when terminal).</summary>
    public static IReadOnlyList<ApplicationStatus> NextStatuses(this ApplicationStatus from) =>
        Legal.TryGetValue(from, out ApplicationStatus[]? targets) ? targets : [];

    /// <summary>The Indonesian label shown to people, e.g. "Menunggu tanda tangan".</summary>
    public static string Label(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "Diajukan",
        ApplicationStatus.AwaitingDocuments => "Menunggu dokumen",
        ApplicationStatus.InReview => "Sedang ditinjau",
        ApplicationStatus.RevisionRequested => "Perlu perbaikan",
        ApplicationStatus.Approved => "Disetujui",
        ApplicationStatus.AwaitingSignatures => "Menunggu tanda tangan",
        ApplicationStatus.Completed => "Selesai",
        ApplicationStatus.Rejected => "Ditolak",
        ApplicationStatus.Declined => "Penandatanganan ditolak",
        ApplicationStatus.Expired => "Kedaluwarsa",
        ApplicationStatus.Withdrawn => "Dibatalkan oleh pemohon",
        ApplicationStatus.Cancelled => "Dibatalkan oleh admin",
        _ => status.ToString(),
    };
}
