using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Review;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Review;
using UmkmCredit.Workflow.Signals;

namespace UmkmCredit.Workflow.UseCases.Review;

/// <summary>What a reviewer sees through a valid link.</summary>
public sealed record ReviewCase(
    ActionLink Link,
    StoredApplication Stored,
    ApplicationSnapshot Snapshot,
    IReadOnlyList<StoredDocument> Documents,
    ScreeningResult Screening,
    bool CanRevise);

/// <summary>A decision as posted (form or JSON), before it is parsed: every page and API client goes through the same rules.</summary>
public sealed record DecideReviewCommand(string Token, string? Decision, string? Note, string? ApprovedAmount, IReadOnlyList<string> Recommendations);

/// <summary>The recorded decision.</summary>
public sealed record ReviewDecided(string ApplicationId, ReviewDecision Decision);

/// <summary>A document opened by a reviewer.</summary>
public sealed record ReviewDocument(StoredDocument Info, byte[] Content);

/// <summary>Opens the review page: checks the link, screens the application as it stands, records the view.</summary>
public sealed class ViewReview(
    ActionLinkService links, IApplicationRepository applications, IDocumentRepository documents, IAuditTrail audit,
    SchemeCatalog schemes, IOptions<WorkflowOptions> workflow, TimeProvider time)
{
    /// <summary>Runs the query.</summary>
    public async Task<Result<ReviewCase>> ExecuteAsync(string token, Caller caller, CancellationToken cancellationToken)
    {
        var (check, link) = await links.CheckAsync(token, LinkRoles.Review, cancellationToken).ConfigureAwait(false);
        if (LinkAccess.FailureFor(check, LinkRoles.Review) is { } failure)
        {
            return failure;
        }

        var stored = await applications.GetAsync(link!.ApplicationId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Failure.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var docs = await documents.ListAsync(stored.ApplicationId, cancellationToken).ConfigureAwait(false);
        var screening = Screening.Screen(stored.Application, docs.Select(d => d.Kind).ToList(), Wita.TodayFromUtc(now), schemes);
        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        if (snapshot.Status.IsTerminal())
        {
            return LinkAccess.Finished(snapshot.Status);
        }

        await audit.AppendAsync(stored.ApplicationId, new AuditEntry(now, AuditEvents.ReviewViewed, link.ActorId, null, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        return new ReviewCase(link, stored, snapshot, docs, screening, ReviewRules.CanRevise(snapshot.Review?.Round ?? 0, workflow.Value.MaxRevisionRounds));
    }
}

/// <summary>Records a reviewer's decision exactly once and hands it to the workflow.</summary>
public sealed class DecideReview(
    ActionLinkService links, DecisionDelivery delivery, IApplicationRepository applications, IAuditTrail audit,
    IOptions<WorkflowOptions> workflow, IOptions<OpdOptions> opd, TimeProvider time, ILogger<DecideReview> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<ReviewDecided>> ExecuteAsync(DecideReviewCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var (check, link) = await links.CheckAsync(command.Token, LinkRoles.Review, cancellationToken).ConfigureAwait(false);
        if (check == LinkCheck.Used)
        {
            return await RepeatAsync(command, link!, caller, cancellationToken).ConfigureAwait(false);
        }

        if (LinkAccess.FailureFor(check, LinkRoles.Review) is { } linkFailure)
        {
            return linkFailure;
        }

        var (decision, parseFailure) = Parse(command);
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
            // Perhaps finished by this very decision, posted twice at once.
            var (now0, fresh) = await links.CheckAsync(command.Token, LinkRoles.Review, cancellationToken).ConfigureAwait(false);
            return now0 == LinkCheck.Used ? await RepeatAsync(command, fresh!, caller, cancellationToken).ConfigureAwait(false) : LinkAccess.Finished(snapshot.Status);
        }

        var canRevise = ReviewRules.CanRevise(snapshot.Review?.Round ?? 0, workflow.Value.MaxRevisionRounds);
        var errors = ReviewRules.Validate(decision!, stored.Application.Request.Amount, canRevise);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        // Four-eyes: the second level is another person; an approval above the first reviewer's limit goes to it.
        var level = snapshot.Review?.Level ?? 1;
        if (level == 2 && snapshot.Review?.FirstLevel is { } first
            && FourEyes.MayDecideSecondLevel(link.ActorId, first.ReviewerId) is { Allowed: false } samePerson)
        {
            return Failure.Conflict(samePerson.Refusal!);
        }

        var limit = level == 1 && decision!.Verdict == ReviewVerdict.Approve ? opd.Value.ApprovalLimitOf(link.ActorId) : null;
        var approvedAmount = decision!.ApprovedAmount ?? stored.Application.Request.Amount;
        var secondLevel = FourEyes.NeedsSecondLevel(approvedAmount, limit);

        var now = time.GetUtcNow().UtcDateTime;
        var signal = new WorkflowSignal(SignalKind.ReviewDecision, link.ActorId, link.LinkId, decision.Verdict, decision.Note, decision.ApprovedAmount, decision.Recommendations, AtUtc: now,
            SecondLevel: secondLevel ? true : null);
        var (accepted, _) = await delivery.AcceptAsync(caller.Durable, link, signal, now, s => IsSame(s, decision), cancellationToken).ConfigureAwait(false);
        switch (accepted)
        {
            case AcceptOutcome.Refused:
                var (again, _) = await links.CheckAsync(command.Token, LinkRoles.Review, cancellationToken).ConfigureAwait(false);
                return LinkAccess.FailureFor(again, LinkRoles.Review) ?? LinkAccess.FailureFor(LinkCheck.Used, LinkRoles.Review)!;
            case AcceptOutcome.Repeated:
                return new ReviewDecided(link.ApplicationId, decision);
        }

        await audit.AppendAsync(link.ApplicationId, new AuditEntry(now, level == 2 ? AuditEvents.ReviewSecondLevelDecided : AuditEvents.ReviewDecided, link.ActorId,
            $"{decision.Verdict}" + (decision.Note is null ? string.Empty : ": " + decision.Note)
            + (secondLevel ? " — " + FourEyes.SecondLevelNote(approvedAmount, limit!.Value) : string.Empty), caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        await delivery.DeliverAsync(caller.Durable, link.ApplicationId, signal, cancellationToken).ConfigureAwait(false);
        Log.ReviewDecided(logger, link.ApplicationId, decision.Verdict.WireName(), link.LinkId);
        return new ReviewDecided(link.ApplicationId, decision);
    }

    /// <summary>A retry of the same decision answers the same success (and re-delivers it if it never arrived); anything else is 409.</summary>
    private async Task<Result<ReviewDecided>> RepeatAsync(DecideReviewCommand command, ActionLink link, Caller caller, CancellationToken cancellationToken)
    {
        if (Parse(command).Decision is { } repeated)
        {
            var (outcome, _) = await delivery.RepeatAsync(caller.Durable, link, s => IsSame(s, repeated), cancellationToken).ConfigureAwait(false);
            if (outcome == AcceptOutcome.Repeated)
            {
                return new ReviewDecided(link.ApplicationId, repeated);
            }
        }

        return LinkAccess.FailureFor(LinkCheck.Used, LinkRoles.Review)!;
    }

    private static bool IsSame(WorkflowSignal stored, ReviewDecision decision) =>
        stored.Kind == SignalKind.ReviewDecision
        && stored.Verdict == decision.Verdict
        && stored.Note == decision.Note
        && stored.ApprovedAmount == decision.ApprovedAmount
        && (stored.Recommendations ?? []).SequenceEqual(decision.Recommendations);

    /// <summary>The typed decision of a posted one, or the field failure (shared with <see cref="PreviewReviewDecision"/>).</summary>
    internal static (ReviewDecision? Decision, Failure? Failure) Parse(DecideReviewCommand command)
    {
        if (ReviewRules.ParseVerdict(command.Decision) is not { } verdict)
        {
            return (null, Failure.Field("decision", "decision.invalid", "Keputusan harus approve, reject atau revise."));
        }

        long? approved = null;
        if (!string.IsNullOrWhiteSpace(command.ApprovedAmount))
        {
            if (!long.TryParse(command.ApprovedAmount.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return (null, Failure.Field("approvedAmount", "approvedAmount.format", "Nilai yang disetujui harus berupa bilangan bulat rupiah."));
            }

            approved = parsed;
        }

        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var recommendations = command.Recommendations.Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        return (new ReviewDecision(verdict, note, approved, recommendations), null);
    }
}

/// <summary>Serves one document to a reviewer through a valid link, and records that it was opened.</summary>
public sealed class ViewReviewDocument(ActionLinkService links, IDocumentRepository documents, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Runs the query.</summary>
    public async Task<Result<ReviewDocument>> ExecuteAsync(string token, string kind, Caller caller, CancellationToken cancellationToken)
    {
        var (check, link) = await links.CheckAsync(token, LinkRoles.Review, cancellationToken).ConfigureAwait(false);
        if (LinkAccess.FailureFor(check, LinkRoles.Review) is { } failure)
        {
            return failure;
        }

        var doc = Domain.Applications.DocumentKinds.IsKnown(kind) ? await documents.GetAsync(link!.ApplicationId, kind, cancellationToken).ConfigureAwait(false) : null;
        if (doc is null)
        {
            return Failure.NotFound();
        }

        await audit.AppendAsync(link!.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.DocumentViewed, link.ActorId, kind, caller.Ip, caller.UserAgent, doc.Value.Info.Sha256), cancellationToken).ConfigureAwait(false);
        return new ReviewDocument(doc.Value.Info, doc.Value.Content);
    }
}
