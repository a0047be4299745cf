using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Privacy;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Privacy;

namespace UmkmCredit.Workflow.UseCases.Admin;

/// <summary>What one retention run did.</summary>
/// <param name="Checked">Final applications looked at.</param>
/// <param name="Purged">Applications purged.</param>
/// <param name="Kept">Final applications still within their period.</param>
/// <param name="Failed">Applications whose purge failed (the next run retries).</param>
public sealed record RetentionResult(int Checked, int Purged, int Kept, int Failed);

/// <summary>
/// The retention job (<c>Retention:*</c>), run on <c>Retention:Schedule</c> by the Functions timer and by the server's
/// hosted service. Reads the final rows of the index, asks <see cref="PersonalDataRules.Retention"/> with the signed
/// agreement's presence, and purges what is past its period: personal data, documents, agreement files, the engine's
/// history and the audit down to its tombstone. The index row goes last, so an interrupted purge is found again.
/// </summary>
public sealed class RunRetention(
    IApplicationIndex index,
    IAgreementArchive archive,
    PersonalDataEraser eraser,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RunRetention> logger)
{
    /// <summary>Runs once (nothing when <c>Retention:Enabled</c> is false).</summary>
    public async Task<RetentionResult> ExecuteAsync(DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return new RetentionResult(0, 0, 0, 0);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var periods = options.Value.Periods;
        int seen = 0, purged = 0, kept = 0, failed = 0;
        foreach (var status in Enum.GetValues<ApplicationStatus>().Where(s => s.IsTerminal()))
        {
            var due = new List<IndexEntry>();
            string? continuation = null;
            do
            {
                var page = await index.QueryAsync(new IndexQuery(status, null, false, now, continuation, 200), cancellationToken).ConfigureAwait(false);
                foreach (var row in page.Items)
                {
                    seen++;
                    var signed = await archive.FindSignedAsync(row.ApplicationId, cancellationToken).ConfigureAwait(false) is not null;
                    if (PersonalDataRules.Retention(row.Status, signed, row.UpdatedAtUtc, now, periods) == RetentionVerdict.Purge)
                    {
                        due.Add(row);
                    }
                    else
                    {
                        kept++;
                    }
                }

                continuation = page.ContinuationToken;
            }
            while (continuation is not null);

            // Purged after paging: deleting rows under a continuation token could skip some.
            foreach (var row in due)
            {
                try
                {
                    await eraser.EraseAsync(row.ApplicationId, new ErasureRequest(AuditEvents.ApplicationPurged, AuditActors.System, row.Status, row.UpdatedAtUtc), durable, cancellationToken).ConfigureAwait(false);
                    purged++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed++;
                    PrivacyLog.RetentionFailed(logger, row.ApplicationId, ex);
                }
            }
        }

        PrivacyLog.RetentionRun(logger, seen, purged, kept);
        return new RetentionResult(seen, purged, kept, failed);
    }
}
