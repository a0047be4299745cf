using Microsoft.Extensions.Logging;

namespace UmkmCredit.Workflow.Privacy;

/// <summary>Log messages of export, erasure and retention (event ids 2095–2099; never personal data).</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(EventId = 2095, Level = LogLevel.Information, Message = "Application {ApplicationId}: personal data exported by the applicant")]
    public static partial void Exported(ILogger logger, string applicationId);

    [LoggerMessage(EventId = 2096, Level = LogLevel.Information, Message = "Application {ApplicationId}: personal data removed ({Event}), {Documents} document(s) deleted, engine history purged: {Purged}")]
    public static partial void Erased(ILogger logger, string applicationId, string @event, int documents, bool purged);

    [LoggerMessage(EventId = 2097, Level = LogLevel.Information, Message = "Retention: {Checked} final application(s) checked, {Purged} purged, {Kept} kept")]
    public static partial void RetentionRun(ILogger logger, int @checked, int purged, int kept);

    [LoggerMessage(EventId = 2098, Level = LogLevel.Warning, Message = "Retention: application {ApplicationId} could not be purged; the next run retries")]
    public static partial void RetentionFailed(ILogger logger, string applicationId, Exception ex);
}
