using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Review;

/// <summary>Role name of review links.</summary>
public static class LinkRoles
{
    /// <summary>OPD review.</summary>
    public const string Review = WorkflowNames.LinkRoles.Review;
}

/// <summary>Routes a review by regency (and sector), issues a one-time link and sends it to the reviewer.</summary>
public sealed class OpenReview(
    IOptions<OpdOptions> opd,
    ReviewLinks reviewLinks,
    IApplicationIndex index,
    DeadlinePolicy deadlines,
    ILogger<OpenReview> logger) : IWorkflowActivity<OpenReviewInput, ReviewAssignment>
{
    /// <inheritdoc />
    public async Task<ReviewAssignment> RunAsync(OpenReviewInput input, CancellationToken cancellationToken = default)
    {
        var actor = input.ReviewerId is { } id
            ? opd.Value.FindActor(id) ?? throw new InvalidOperationException($"Unknown reviewer {id}.")
            : (opd.Value.Route(input.RegencyCode, input.Sector)
                ?? throw new InvalidOperationException($"No OPD reviewer is configured for regency {input.RegencyCode}.")).Reviewer;
        var deadline = deadlines.DeadlineUtc(DeadlineKind.Review, input.NowUtc);
        var linkId = input.LinkId;
        await reviewLinks.SendAsync(input.ApplicationId, linkId, actor, deadline, input.ReviewerId is null ? WorkflowNames.LinkMailKinds.New : WorkflowNames.LinkMailKinds.Reassign, cancellationToken).ConfigureAwait(false);
        if (input.ReviewerId is not null)
        {
            await index.SetDeadlineAsync(input.ApplicationId, deadline, cancellationToken).ConfigureAwait(false);
        }
        Log.ReviewOpened(logger, input.ApplicationId, input.Round, actor.Id, linkId, deadline);
        return new ReviewAssignment(true, actor.Id, actor.Name, linkId, deadline, Escalated: false);
    }
}

/// <summary>At the review deadline: supersedes the old link and sends a new one to the supervisor.</summary>
public sealed class EscalateReview(
    IOptions<OpdOptions> opd,
    ILinkStore store,
    IApplicationIndex index,
    ReviewLinks reviewLinks,
    DeadlinePolicy deadlines,
    ILogger<EscalateReview> logger) : IWorkflowActivity<EscalateReviewInput, ReviewAssignment>
{
    /// <inheritdoc />
    public async Task<ReviewAssignment> RunAsync(EscalateReviewInput input, CancellationToken cancellationToken = default)
    {
        var route = opd.Value.Route(input.RegencyCode, input.Sector)
            ?? throw new InvalidOperationException($"No OPD reviewer is configured for regency {input.RegencyCode}.");
        var existing = await store.GetAsync(input.ApplicationId, input.PreviousLinkId, cancellationToken).ConfigureAwait(false);
        var supervisor = route.Supervisor;
        var newLinkId = input.NewLinkId;
        if (existing is { Link.Status: LinkStatus.Pending })
        {
            var superseded = await store.TryCompleteAsync(input.ApplicationId, input.PreviousLinkId, LinkStatus.Superseded, input.NowUtc, cancellationToken).ConfigureAwait(false);
            if (!superseded)
            {
                // The reviewer decided at the last moment: the decision event is on its way.
                Log.EscalationNotOpened(logger, input.ApplicationId, input.PreviousLinkId, LinkStatus.Used);
                var now = await store.GetAsync(input.ApplicationId, input.PreviousLinkId, cancellationToken).ConfigureAwait(false);
                return new ReviewAssignment(false, existing.Value.Link.ActorId, existing.Value.Link.ActorName, input.PreviousLinkId, existing.Value.Link.ExpiresAtUtc, false,
                    now is { } used ? Signals.DecisionDelivery.StoredSignal(used.Link) : null);
            }
        }
        else if (existing is { Link.Status: LinkStatus.Used })
        {
            Log.EscalationNotOpened(logger, input.ApplicationId, input.PreviousLinkId, LinkStatus.Used);
            return new ReviewAssignment(false, existing.Value.Link.ActorId, existing.Value.Link.ActorName, input.PreviousLinkId, existing.Value.Link.ExpiresAtUtc, false,
                Signals.DecisionDelivery.StoredSignal(existing.Value.Link));
        }

        var deadline = deadlines.DeadlineUtc(DeadlineKind.Escalation, input.NowUtc);
        await reviewLinks.SendAsync(input.ApplicationId, newLinkId, supervisor, deadline, WorkflowNames.LinkMailKinds.Escalation, cancellationToken).ConfigureAwait(false);
        await index.SetDeadlineAsync(input.ApplicationId, deadline, cancellationToken).ConfigureAwait(false);
        Log.EscalationOpened(logger, input.ApplicationId, supervisor.Id, newLinkId, deadline);
        return new ReviewAssignment(true, supervisor.Id, supervisor.Name, newLinkId, deadline, Escalated: true);
    }
}

/// <summary>
/// Four-eyes: an approval above the first reviewer's limit goes to the regency's supervisor for a second review with
/// its own link and deadline (reminders and escalation then work as for the first level).
/// </summary>
public sealed class OpenSecondReview(
    IOptions<OpdOptions> opd,
    ReviewLinks reviewLinks,
    IApplicationIndex index,
    IAuditTrail audit,
    DeadlinePolicy deadlines,
    ILogger<OpenSecondReview> logger) : IWorkflowActivity<OpenSecondReviewInput, ReviewAssignment>
{
    /// <inheritdoc />
    public async Task<ReviewAssignment> RunAsync(OpenSecondReviewInput input, CancellationToken cancellationToken = default)
    {
        var supervisor = (opd.Value.Route(input.RegencyCode, input.Sector)
            ?? throw new InvalidOperationException($"No OPD reviewer is configured for regency {input.RegencyCode}.")).Supervisor;
        if (!Domain.Review.FourEyes.MayDecideSecondLevel(supervisor.Id, input.FirstReviewerId).Allowed)
        {
            // Validated at start; if the directory changed since, the decision command refuses it (never a failed workflow).
            Log.SecondReviewSamePerson(logger, input.ApplicationId, supervisor.Id);
        }

        var deadline = deadlines.DeadlineUtc(DeadlineKind.Review, input.NowUtc);
        await reviewLinks.SendAsync(input.ApplicationId, input.LinkId, supervisor, deadline, WorkflowNames.LinkMailKinds.SecondLevel, cancellationToken).ConfigureAwait(false);
        await index.SetDeadlineAsync(input.ApplicationId, deadline, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(input.ApplicationId, new AuditEntry(input.NowUtc, AuditEvents.ReviewSecondLevelOpened, AuditActors.System,
            $"tingkat 2: {supervisor.Name} (tingkat 1: {input.FirstReviewerId})"), cancellationToken).ConfigureAwait(false);
        Log.SecondReviewOpened(logger, input.ApplicationId, supervisor.Id, input.LinkId, deadline);
        return new ReviewAssignment(true, supervisor.Id, supervisor.Name, input.LinkId, deadline, Escalated: false);
    }
}

/// <summary>Issues a review link and sends it (new, reminder, escalation, reassignment).</summary>
public sealed class ReviewLinks(
    ActionLinkService links,
    ILinkStore store,
    IApplicationRepository applications,
    INotifier notifier,
    IOptions<LinksOptions> linkOptions)
{
    /// <summary>Creates the link (idempotent per link id) and mails it.</summary>
    public async Task SendAsync(string applicationId, string linkId, ActorConfig actor, DateTime deadlineUtc, string kind, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(applicationId, linkId, cancellationToken).ConfigureAwait(false);
        var token = existing is { } e
            ? links.TokenFor(e.Link)
            : (await links.IssueAsync(applicationId, linkId, LinkRoles.Review, actor.Id, actor.Name, actor.Email, deadlineUtc, cancellationToken).ConfigureAwait(false)).Token;
        await ResendAsync(applicationId, actor.Email, actor.Name, token, deadlineUtc, kind, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Mails the link of a token.</summary>
    public async Task ResendAsync(string applicationId, string email, string name, string token, DateTime deadlineUtc, string kind, CancellationToken cancellationToken)
    {
        var stored = await applications.GetAsync(applicationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {applicationId} is not stored.");
        var business = stored.Application.Business;
        var regency = Regencies.TryGet(business.RegencyCode, out var r) ? r.Name : business.RegencyCode;
        await notifier.SendAsync(Messages.ReviewRequest(
            email, name, applicationId, business.Name, regency, stored.Application.Request.Amount, deadlineUtc,
            linkOptions.Value.Absolute($"review/{token}"), kind), cancellationToken).ConfigureAwait(false);
    }
}
