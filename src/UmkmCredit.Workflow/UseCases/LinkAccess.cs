using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Links;

namespace UmkmCredit.Workflow.UseCases;

/// <summary>Turns what a presented link token resolves to into the failure people are told about.</summary>
public static class LinkAccess
{
    /// <summary>Null when the link may be acted on; otherwise 404, 409 (used or superseded) or 410 (expired).</summary>
    public static Failure? FailureFor(LinkCheck check, string role) => check switch
    {
        LinkCheck.Valid => null,
        LinkCheck.Expired => Failure.Gone("Batas waktu tautan ini sudah lewat."),
        LinkCheck.Used => Failure.Conflict(role == Signers.LinkRole
            ? "Tanda tangan untuk tautan ini sudah tercatat."
            : "Keputusan untuk tautan ini sudah tercatat."),
        LinkCheck.Superseded => Failure.Conflict("Tautan ini sudah tidak berlaku karena digantikan tautan baru."),
        _ => Failure.NotFound(),
    };

    /// <summary>409 for a link whose application is already finished (its link may not be closed yet).</summary>
    public static Failure Finished(ApplicationStatus status) =>
        Failure.Conflict($"Permohonan ini sudah selesai (\"{status.Label()}\"); tautan ini tidak berlaku lagi.");
}
