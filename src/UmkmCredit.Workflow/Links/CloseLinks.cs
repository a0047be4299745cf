using Microsoft.Extensions.Logging;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Links;

/// <summary>Closes every pending link of an application (it reached a terminal state); returns how many.</summary>
public sealed class CloseLinks(ILinkStore store, TimeProvider time, ILogger<CloseLinks> logger) : IWorkflowActivity<string, int>
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

        Log.LinksClosed(logger, input, closed);
        return closed;
    }
}

/// <summary>Input of <see cref="SupersedeLink"/>.</summary>
public sealed record SupersedeLinkInput(string ApplicationId, string LinkId);

/// <summary>Marks one pending link superseded (reassignment); false when it was no longer pending.</summary>
public sealed class SupersedeLink(ILinkStore store, TimeProvider time, ILogger<SupersedeLink> logger) : IWorkflowActivity<SupersedeLinkInput, bool>
{
    /// <inheritdoc />
    public async Task<bool> RunAsync(SupersedeLinkInput input, CancellationToken cancellationToken = default)
    {
        var superseded = await store.TryCompleteAsync(input.ApplicationId, input.LinkId, LinkStatus.Superseded, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        Log.LinkSuperseded(logger, input.ApplicationId, input.LinkId, superseded);
        return superseded;
    }
}
