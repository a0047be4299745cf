using Microsoft.Extensions.Logging;

namespace UmkmCredit.Workflow.Imports;

/// <summary>Log messages of bulk intake (activities 1150–1159, commands 2080–2089). Never row content: ids and numbers only.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 1150, Level = LogLevel.Debug, Message = "Import {ImportId} row {Row}: {Outcome}")]
    public static partial void RowDone(ILogger logger, string importId, int row, string outcome);

    [LoggerMessage(EventId = 1151, Level = LogLevel.Information, Message = "Import {ImportId} completed")]
    public static partial void Completed(ILogger logger, string importId);

    [LoggerMessage(EventId = 2080, Level = LogLevel.Information, Message = "Import {ImportId} of {Rows} row(s) {Outcome}")]
    public static partial void Started(ILogger logger, string importId, int rows, string outcome);
}
