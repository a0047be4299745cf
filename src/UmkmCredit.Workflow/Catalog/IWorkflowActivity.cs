namespace UmkmCredit.Workflow.Catalog;

/// <summary>
/// A host-agnostic activity. The standalone host adapts it to a Durable Task SDK activity; the Functions
/// app wraps it in an <c>[ActivityTrigger]</c> function. Implementations use constructor injection.
/// </summary>
public interface IWorkflowActivity<in TInput, TOutput>
{
    /// <summary>Runs the activity. It may run more than once for one call: keep it idempotent.</summary>
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken = default);
}
