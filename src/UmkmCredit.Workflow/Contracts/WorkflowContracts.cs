using System.Text.Json.Serialization;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Review;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Contracts;

/// <summary>Input of the per-application orchestration. Only ids and small values travel in history.</summary>
public sealed record ApplicationWorkflowInput(string ApplicationId, string RegencyCode, string Sector, DateTime SubmittedAtUtc);

/// <summary>The orchestration's result.</summary>
public sealed record ApplicationWorkflowResult(ApplicationStatus Status, string? Note);

/// <summary>Kinds of outside input the orchestration reacts to.</summary>
public enum SignalKind
{
    /// <summary>A document was uploaded or replaced.</summary>
    DocumentsChanged,

    /// <summary>The applicant resubmitted after a revision request.</summary>
    Resubmitted,

    /// <summary>A reviewer decided through a valid link.</summary>
    ReviewDecision,

    /// <summary>The applicant withdrew.</summary>
    Withdraw,

    /// <summary>An administrator cancelled.</summary>
    Cancel,

    /// <summary>An administrator reassigned the pending review.</summary>
    Reassign,

    /// <summary>A signer signed or declined through a valid link.</summary>
    Signature,
}

/// <summary>The single event payload (see <see cref="Catalog.WorkflowNames.Events.Signal"/>).</summary>
public sealed record WorkflowSignal(
    SignalKind Kind,
    string Actor,
    string? LinkId = null,
    ReviewVerdict? Verdict = null,
    string? Note = null,
    long? ApprovedAmount = null,
    IReadOnlyList<string>? Recommendations = null,
    string? ReviewerId = null,
    bool? Signed = null,
    string? EvidenceId = null,
    string? DocumentSha256 = null,
    DateTime? AtUtc = null,
    bool? SecondLevel = null);

/// <summary>Input of <see cref="Intake.ScreenApplication"/>.</summary>
public sealed record ScreenApplicationInput(string ApplicationId, DateTime NowUtc);

/// <summary>A reason shown to people, with its stable code.</summary>
public sealed record ReasonItem(string Code, string Message);

/// <summary>Screening outcome as the orchestration sees it.</summary>
public sealed record ScreeningReport(
    ScreeningOutcome Outcome,
    IReadOnlyList<ReasonItem> Reasons,
    IReadOnlyList<string> MissingDocuments,
    string RuleVersion,
    DateTime DocumentsDeadlineUtc);

/// <summary>A status change to record (audit, read model, notification).</summary>
public sealed record StatusChangeRecord(
    string ApplicationId,
    int Sequence,
    ApplicationStatus From,
    ApplicationStatus To,
    DateTime AtUtc,
    string Actor,
    string? Note,
    DateTime? DeadlineUtc,
    IReadOnlyList<ReasonItem> Reasons);

/// <summary>Input of <see cref="Review.OpenReview"/>.</summary>
public sealed record OpenReviewInput(string ApplicationId, string RegencyCode, string Sector, int Round, DateTime NowUtc, string LinkId, string? ReviewerId = null);

/// <summary>Input of <see cref="Review.EscalateReview"/>.</summary>
public sealed record EscalateReviewInput(string ApplicationId, string RegencyCode, string Sector, string PreviousLinkId, string NewLinkId, DateTime NowUtc);

/// <summary>An open review: who, which link, until when. <c>Opened</c> is false when the previous link was already used.</summary>
public sealed record ReviewAssignment(bool Opened, string ReviewerId, string ReviewerName, string LinkId, DateTime DeadlineUtc, bool Escalated, WorkflowSignal? Decided = null);

/// <summary>One line of the history shown to the applicant.</summary>
public sealed record HistoryItem(DateTime At, ApplicationStatus Status, string? Note);

/// <summary>
/// The review as shown in the status. <c>Level</c> 2 is the supervisor's second review of an approval above the first
/// reviewer's limit; <c>FirstLevel</c> then holds the first reviewer's decision.
/// </summary>
public sealed record ReviewSnapshot(
    string ReviewerId,
    string ReviewerName,
    bool Escalated,
    int Round,
    ReviewVerdict? Verdict,
    string? Note,
    long? ApprovedAmount,
    IReadOnlyList<string> Recommendations,
    DateTime? DecidedAt,
    int Level = 1,
    ReviewLevelSnapshot? FirstLevel = null);

/// <summary>The first level's decision, kept while the second level reviews it.</summary>
public sealed record ReviewLevelSnapshot(string ReviewerId, string ReviewerName, ReviewVerdict? Verdict, string? Note, long? ApprovedAmount, DateTime? DecidedAt);

/// <summary>Input of <see cref="Review.OpenSecondReview"/>.</summary>
public sealed record OpenSecondReviewInput(string ApplicationId, string RegencyCode, string Sector, int Round, string FirstReviewerId, long? ApprovedAmount, DateTime NowUtc, string LinkId);

/// <summary>The orchestration's custom status: what <c>GET /api/applications/{id}</c> answers from.</summary>
public sealed record ApplicationSnapshot(
    ApplicationStatus Status,
    DateTime UpdatedAtUtc,
    DateTime? DeadlineUtc,
    IReadOnlyList<ReasonItem> Reasons,
    ReviewSnapshot? Review,
    IReadOnlyList<HistoryItem> History,
    string? RuleVersion,
    string? PendingLinkId,
    AgreementSnapshot? Agreement = null,
    IReadOnlyList<SignatureSnapshot>? Signatures = null,
    IReadOnlyList<string>? PendingLinkIds = null);

/// <summary>Where the agreement stands (serialised as its name, as before the enum existed).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgreementState>))]
public enum AgreementState
{
    /// <summary>The draft is out for signatures.</summary>
    Draft,

    /// <summary>Every party signed; the signed PDF is stored.</summary>
    Signed,

    /// <summary>Every party signed; the programme's timestamped seal is being applied (retried while the time-stamp authority does not answer).</summary>
    Sealing,
}

/// <summary>Where one signer stands (serialised as its name, as before the enum existed).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignatureState>))]
public enum SignatureState
{
    /// <summary>Not signed yet (their turn may not have come).</summary>
    Pending,

    /// <summary>Signed through their link.</summary>
    Signed,

    /// <summary>Declined through their link; the agreement ends.</summary>
    Declined,
}

/// <summary>The agreement as shown in the status.</summary>
public sealed record AgreementSnapshot(string Number, AgreementState Status, string? Sha256);

/// <summary>One signer as shown in the status (<c>Role</c> is one of <see cref="Catalog.WorkflowNames.SignerRoles"/>).</summary>
public sealed record SignatureSnapshot(string Role, string Name, SignatureState Status, DateTime? At, string LinkId);

/// <summary>Input of <see cref="Agreements.PrepareAgreement"/>.</summary>
public sealed record PrepareAgreementInput(string ApplicationId, long? ApprovedAmount, IReadOnlyList<string> Recommendations, DateTime NowUtc);

/// <summary>The draft agreement.</summary>
public sealed record AgreementDraft(string Number, string DraftSha256, string ContentHash);

/// <summary>Input of <see cref="Agreements.IssueSigningLinks"/>.</summary>
public sealed record IssueSigningLinksInput(string ApplicationId, string RegencyCode, DateTime DeadlineUtc);

/// <summary>A signer and their link (<c>Role</c> is one of <see cref="Catalog.WorkflowNames.SignerRoles"/>).</summary>
public sealed record SignerLink(string Role, string Name, string LinkId);

/// <summary>Who signs, in which order, how.</summary>
public sealed record SigningPlan(IReadOnlyList<SignerLink> Signers, bool Parallel);

/// <summary>Input of <see cref="Agreements.SendSigningLink"/> (<c>Kind</c> is one of <see cref="Catalog.WorkflowNames.LinkMailKinds"/>).</summary>
public sealed record SendSigningLinkInput(string ApplicationId, string LinkId, string Kind);

/// <summary>A recorded signature.</summary>
public sealed record SignatureItem(string Role, string Name, DateTime SignedAtUtc, string EvidenceId, string DocumentSha256);

/// <summary>Input of <see cref="Agreements.FinaliseAgreement"/>.</summary>
public sealed record FinaliseAgreementInput(string ApplicationId, IReadOnlyList<SignatureItem> Signatures);

/// <summary>Input of <see cref="Agreements.NotifyDeclined"/>.</summary>
public sealed record NotifyDeclinedInput(string ApplicationId, string DeclinedBy, string Reason);

/// <summary>Input of <see cref="Application.ComputeDeadline"/>.</summary>
public sealed record DeadlineRequest(DeadlineKind Kind, DateTime FromUtc);
