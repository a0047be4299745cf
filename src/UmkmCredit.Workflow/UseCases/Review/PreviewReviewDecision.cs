using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Review;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Review;

namespace UmkmCredit.Workflow.UseCases.Review;

/// <summary>A decision that passed every rule and may be confirmed: what the reviewer is about to record.</summary>
public sealed record ReviewDecisionPreview(string ApplicationId, ReviewDecision Decision, long RequestedAmount);

/// <summary>
/// The confirmation step of the review page: checks a posted decision against the same rules as
/// <see cref="DecideReview"/> without using the link, so the reviewer can confirm (or correct) before it counts.
/// </summary>
public sealed class PreviewReviewDecision(ActionLinkService links, IApplicationRepository applications, IOptions<WorkflowOptions> workflow)
{
    /// <summary>Runs the check.</summary>
    public async Task<Result<ReviewDecisionPreview>> ExecuteAsync(DecideReviewCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var (check, link) = await links.CheckAsync(command.Token, LinkRoles.Review, cancellationToken).ConfigureAwait(false);
        if (LinkAccess.FailureFor(check, LinkRoles.Review) is { } linkFailure)
        {
            return linkFailure;
        }

        var (decision, parseFailure) = DecideReview.Parse(command);
        if (parseFailure is not null)
        {
            return parseFailure;
        }

        var stored = await applications.GetAsync(link!.ApplicationId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Failure.NotFound();
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        if (snapshot.Status.IsTerminal())
        {
            return LinkAccess.Finished(snapshot.Status);
        }

        var canRevise = ReviewRules.CanRevise(snapshot.Review?.Round ?? 0, workflow.Value.MaxRevisionRounds);
        var errors = ReviewRules.Validate(decision!, stored.Application.Request.Amount, canRevise);
        return errors.Count > 0 ? Failure.Invalid(errors) : new ReviewDecisionPreview(stored.ApplicationId, decision!, stored.Application.Request.Amount);
    }
}
