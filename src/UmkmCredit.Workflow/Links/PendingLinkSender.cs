using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Review;

namespace UmkmCredit.Workflow.Links;

/// <summary>Sends a pending link to its actor again, with the message its role needs (review request or signing request).</summary>
public sealed class PendingLinkSender(ActionLinkService links, ReviewLinks reviewLinks, SigningLinks signingLinks)
{
    /// <summary>Mails <paramref name="link"/> again; <paramref name="kind"/> names the occasion (<c>reminder</c>).</summary>
    public Task SendAsync(ActionLink link, string kind, CancellationToken cancellationToken) =>
        link.Role == Signers.LinkRole
            ? signingLinks.SendAsync(link.ApplicationId, link.LinkId, kind, cancellationToken)
            : reviewLinks.ResendAsync(link.ApplicationId, link.ActorEmail, link.ActorName, links.TokenFor(link), link.ExpiresAtUtc, kind, cancellationToken);
}
