using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow;

/// <summary>
/// Every log message of the orchestration and its activities, source-generated, with stable EventIds
/// (1000–1099 orchestration, 1100–1199 activities). Only ids, statuses, counts and times are logged: never a NIK,
/// a name, an e-mail address, a token, an OTP or a free-text note.
/// </summary>
internal static partial class Log
{
    // Orchestration (through context.CreateReplaySafeLogger: each line once, not once per replay).

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Application {ApplicationId} orchestration started")]
    public static partial void OrchestrationStarted(ILogger logger, string applicationId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Application {ApplicationId} moved {From} -> {To} by {Actor}")]
    public static partial void StatusMoved(ILogger logger, string applicationId, ApplicationStatus from, ApplicationStatus to, string actor);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Application {ApplicationId} received signal {Kind}")]
    public static partial void SignalReceived(ILogger logger, string applicationId, SignalKind kind);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Application {ApplicationId} ignored signal {Kind}: {Reason}")]
    public static partial void SignalIgnored(ILogger logger, string applicationId, SignalKind kind, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Application {ApplicationId} deadline {DeadlineUtc:o} passed while {Status}")]
    public static partial void DeadlinePassed(ILogger logger, string applicationId, DateTime deadlineUtc, ApplicationStatus status);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Application {ApplicationId} review escalated to {ReviewerId}, link {LinkId}")]
    public static partial void ReviewEscalated(ILogger logger, string applicationId, string reviewerId, string linkId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Application {ApplicationId} escalation skipped: link {LinkId} was used before the deadline, waiting for its decision")]
    public static partial void EscalationSkipped(ILogger logger, string applicationId, string linkId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Application {ApplicationId} review reassigned to {ReviewerId}, link {LinkId}")]
    public static partial void ReviewReassigned(ILogger logger, string applicationId, string reviewerId, string linkId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Application {ApplicationId} signature {Role} {State}; {Pending} pending")]
    public static partial void SignatureCounted(ILogger logger, string applicationId, string role, SignatureState state, int pending);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Application {ApplicationId} orchestration finished as {Status}")]
    public static partial void OrchestrationFinished(ILogger logger, string applicationId, ApplicationStatus status);

    // Activities.

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Application {ApplicationId} screened {Outcome} (rules {RuleVersion}, {Reasons} reasons, {Missing} documents missing)")]
    public static partial void Screened(ILogger logger, string applicationId, ScreeningOutcome outcome, string ruleVersion, int reasons, int missing);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Application {ApplicationId} status change #{Sequence} {From} -> {To} recorded")]
    public static partial void StatusRecorded(ILogger logger, string applicationId, int sequence, ApplicationStatus from, ApplicationStatus to);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Application {ApplicationId} review round {Round} opened for {ReviewerId}, link {LinkId}, due {DeadlineUtc:o}")]
    public static partial void ReviewOpened(ILogger logger, string applicationId, int round, string reviewerId, string linkId, DateTime deadlineUtc);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Application {ApplicationId} review escalated to {SupervisorId}, link {LinkId}, due {DeadlineUtc:o}")]
    public static partial void EscalationOpened(ILogger logger, string applicationId, string supervisorId, string linkId, DateTime deadlineUtc);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Application {ApplicationId} escalation not opened: link {LinkId} is {LinkStatus}")]
    public static partial void EscalationNotOpened(ILogger logger, string applicationId, string linkId, Links.LinkStatus linkStatus);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Deadline {Kind} from {FromUtc:o} is {DeadlineUtc:o}")]
    public static partial void DeadlineComputed(ILogger logger, Configuration.DeadlineKind kind, DateTime fromUtc, DateTime deadlineUtc);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Application {ApplicationId} agreement {Number} drafted (sha256 {Sha256}, reused {Reused})")]
    public static partial void AgreementDrafted(ILogger logger, string applicationId, string number, string sha256, bool reused);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Application {ApplicationId} issued {Count} signing links ({Mode})")]
    public static partial void SigningLinksIssued(ILogger logger, string applicationId, int count, Configuration.SigningMode mode);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Application {ApplicationId} signing link {LinkId} mailed ({Kind})")]
    public static partial void SigningLinkSent(ILogger logger, string applicationId, string linkId, string kind);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Application {ApplicationId} agreement {Number} finalised with {Signatures} signatures (sha256 {Sha256})")]
    public static partial void AgreementFinalised(ILogger logger, string applicationId, string number, int signatures, string sha256);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Application {ApplicationId} decline mailed to {Parties} parties")]
    public static partial void DeclineNotified(ILogger logger, string applicationId, int parties);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Application {ApplicationId} link {LinkId} superseded: {Superseded}")]
    public static partial void LinkSuperseded(ILogger logger, string applicationId, string linkId, bool superseded);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "Application {ApplicationId} closed {Count} open links")]
    public static partial void LinksClosed(ILogger logger, string applicationId, int count);

    // Four-eyes (issue 16): ids kept apart from the other additions.

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Application {ApplicationId} approval above the limit of {ReviewerId} goes to the second level")]
    public static partial void SecondLevelRequired(ILogger logger, string applicationId, string reviewerId);

    [LoggerMessage(EventId = 1140, Level = LogLevel.Information, Message = "Application {ApplicationId} second review opened for {SupervisorId}, link {LinkId}, deadline {DeadlineUtc:o}")]
    public static partial void SecondReviewOpened(ILogger logger, string applicationId, string supervisorId, string linkId, DateTime deadlineUtc);

    [LoggerMessage(EventId = 1141, Level = LogLevel.Warning, Message = "Application {ApplicationId} second review goes to {SupervisorId}, who decided the first level: the decision will be refused until an administrator reassigns it")]
    public static partial void SecondReviewSamePerson(ILogger logger, string applicationId, string supervisorId);
}
