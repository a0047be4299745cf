using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Links;

/// <summary>Closes every pending link of an application (it reached a terminal state); returns how many.</summary>
public sealed class CloseLinks(ILinkStore store, TimeProvider time) : IWorkflowActivity<string, int>
{
    /// <inheritdoc />
    public async Task<int> RunAsync(string input, CancellationToken cancellationToken = default)
    {
        var closed = 0;
        foreach (var link in await store.ListAsync(input, cancellationToken).ConfigureAwait(false))
        {
            if (link.Status == LinkStatus.Pending
                && await store.TryCompleteAsync(input, link.LinkId, LinkStatus.Closed, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false))
            {
                closed++;
            }
        }

        return closed;
    }
}
