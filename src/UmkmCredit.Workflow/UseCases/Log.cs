using Microsoft.Extensions.Logging;

namespace UmkmCredit.Workflow.UseCases;

/// <summary>
/// Log messages of the commands, with stable event ids (2000–2099). Never NIK, tokens or codes: only
/// application ids, roles and kinds.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Application {ApplicationId} submitted with {Documents} document(s)")]
    public static partial void ApplicationSubmitted(ILogger logger, string applicationId, int documents);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Application {ApplicationId}: document {Kind} stored")]
    public static partial void DocumentUploaded(ILogger logger, string applicationId, string kind);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Application {ApplicationId}: revision v{Version} sent")]
    public static partial void ApplicationResubmitted(ILogger logger, string applicationId, int version);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Application {ApplicationId} withdrawn by the applicant")]
    public static partial void ApplicationWithdrawn(ILogger logger, string applicationId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Application {ApplicationId}: review decided ({Verdict}) through link {LinkId}")]
    public static partial void ReviewDecided(ILogger logger, string applicationId, string verdict, string linkId);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Application {ApplicationId}: one-time code sent for link {LinkId}")]
    public static partial void OtpSent(ILogger logger, string applicationId, string linkId);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Application {ApplicationId}: wrong one-time code for link {LinkId} ({Failures} failure(s))")]
    public static partial void OtpRejected(ILogger logger, string applicationId, string linkId, int failures);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Information, Message = "Application {ApplicationId}: link {LinkId} {Decision}")]
    public static partial void SignatureRecorded(ILogger logger, string applicationId, string linkId, string decision);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "Application {ApplicationId}: pending link {LinkId} sent again by an administrator")]
    public static partial void Reminded(ILogger logger, string applicationId, string linkId);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Information, Message = "Application {ApplicationId}: review reassigned from {From} to {To}")]
    public static partial void Reassigned(ILogger logger, string applicationId, string from, string to);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Information, Message = "Application {ApplicationId} cancelled by an administrator")]
    public static partial void Cancelled(ILogger logger, string applicationId);

    [LoggerMessage(EventId = 2033, Level = LogLevel.Information, Message = "SIKP export {From}..{To}: {Rows} row(s)")]
    public static partial void Exported(ILogger logger, DateOnly from, DateOnly to, int rows);
}
