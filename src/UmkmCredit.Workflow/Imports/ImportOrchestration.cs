using Microsoft.DurableTask;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Imports;

/// <summary>
/// One instance per import (<c>import-{importId}</c>): fans out over the rows in batches of <see cref="BatchSize"/>
/// parallel <see cref="ImportRow"/> activities, continuing as new every <see cref="BatchesPerGeneration"/> batches so
/// the history stays short however long the file; a restart resumes from the last finished batch.
/// </summary>
public static class ImportOrchestration
{
    /// <summary>Rows submitted in parallel.</summary>
    public const int BatchSize = 16;

    /// <summary>Batches per history generation.</summary>
    public const int BatchesPerGeneration = 4;

    private static readonly TaskOptions RowRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)));

    /// <summary>The engine instance id of an import.</summary>
    public static string InstanceId(string importId) => "import-" + importId;

    /// <summary>Runs the import.</summary>
    public static async Task<int> RunAsync(TaskOrchestrationContext context, ImportWorkflowInput input)
    {
        var row = input.NextRow;
        for (var batch = 0; batch < BatchesPerGeneration && row <= input.Total; batch++)
        {
            var tasks = new List<Task>();
            for (var r = row; r < row + BatchSize && r <= input.Total; r++)
            {
                tasks.Add(RunRowAsync(context, new ImportRowInput(input.ImportId, r)));
            }

            await Task.WhenAll(tasks).ConfigureAwait(true);
            row += BatchSize;
        }

        if (row <= input.Total)
        {
            context.ContinueAsNew(input with { NextRow = row });
            return row - 1;
        }

        await context.CallActivityAsync<bool>(WorkflowNames.Activities.CompleteImport, input.ImportId, RowRetry).ConfigureAwait(true);
        return input.Total;
    }

    private static async Task RunRowAsync(TaskOrchestrationContext context, ImportRowInput row)
    {
        try
        {
            await context.CallActivityAsync<ImportRowOutcome>(WorkflowNames.Activities.ImportRow, row, RowRetry).ConfigureAwait(true);
        }
        catch (TaskFailedException)
        {
            await context.CallActivityAsync<bool>(WorkflowNames.Activities.RecordImportRowFailure, row, RowRetry).ConfigureAwait(true);
        }
    }
}
