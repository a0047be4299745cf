using Microsoft.DurableTask;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Imports;

/// <summary>
/// One instance per import (<c>import-{importId}</c>): fans out over the file in runs of <see cref="RowsPerRun"/> rows,
/// <see cref="RunsAtOnce"/> <see cref="ImportRows"/> activities at a time (each submitting <see cref="ImportRows.Parallelism"/>
/// rows at once, so at most 16 submissions run together), continuing as new every <see cref="RoundsPerGeneration"/>
/// rounds so the history stays short however long the file; a restart resumes from the last finished round, and rows
/// already submitted are found again by their idempotency keys.
/// </summary>
public static class ImportOrchestration
{
    /// <summary>Rows per activity.</summary>
    public const int RowsPerRun = 16;

    /// <summary>Activities in flight.</summary>
    public const int RunsAtOnce = 4;

    /// <summary>Rounds per history generation.</summary>
    public const int RoundsPerGeneration = 4;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)));

    /// <summary>The engine instance id of an import.</summary>
    public static string InstanceId(string importId) => "import-" + importId;

    /// <summary>Runs the import; returns the last row handled by this generation.</summary>
    public static async Task<int> RunAsync(TaskOrchestrationContext context, ImportWorkflowInput input)
    {
        var row = input.NextRow;
        for (var round = 0; round < RoundsPerGeneration && row <= input.Total; round++)
        {
            var runs = new List<Task>();
            for (var i = 0; i < RunsAtOnce && row <= input.Total; i++, row += RowsPerRun)
            {
                runs.Add(RunRowsAsync(context, new ImportRowsInput(input.ImportId, row, Math.Min(RowsPerRun, input.Total - row + 1))));
            }

            await Task.WhenAll(runs).ConfigureAwait(true);
        }

        if (row <= input.Total)
        {
            context.ContinueAsNew(input with { NextRow = row });
            return row - 1;
        }

        await context.CallActivityAsync<bool>(WorkflowNames.Activities.CompleteImport, input.ImportId, Retry).ConfigureAwait(true);
        return input.Total;
    }

    private static async Task RunRowsAsync(TaskOrchestrationContext context, ImportRowsInput rows)
    {
        try
        {
            await context.CallActivityAsync<int>(WorkflowNames.Activities.ImportRows, rows, Retry).ConfigureAwait(true);
        }
        catch (TaskFailedException)
        {
            await context.CallActivityAsync<bool>(WorkflowNames.Activities.RecordImportRowFailure, rows, Retry).ConfigureAwait(true);
        }
    }
}
