namespace UmkmCredit.Domain.Applications;

/// <summary>One transition of an application's status.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="From">Previous status (equal to <paramref name="To"/> for the initial entry).</param>
/// <param name="To">New status.</param>
/// <param name="Actor">Who caused it, e.g. <c>applicant</c>, <c>system</c>, <c>reviewer:opd-01</c>.</param>
/// <param name="Note">Optional note (reason, reviewer remark).</param>
public sealed record StatusChange(DateTime At, ApplicationStatus From, ApplicationStatus To, string Actor, string? Note);

/// <summary>
/// The application state machine: the current status and every transition so far. Immutable; each
/// <see cref="MoveTo"/> returns a new lifecycle. Round-trips through System.Text.Json (it lives in orchestration state).
/// </summary>
/// <param name="Status">The current status.</param>
/// <param name="History">Every transition, oldest first; the first entry is the submission.</param>
public sealed record ApplicationLifecycle(ApplicationStatus Status, IReadOnlyList<StatusChange> History)
{
    /// <summary>The actor recorded for the initial <see cref="ApplicationStatus.Submitted"/> entry.</summary>
    public const string ApplicantActor = "applicant";

    /// <summary>A new lifecycle in <see cref="ApplicationStatus.Submitted"/> with one history entry.</summary>
    public static ApplicationLifecycle Start(DateTime at, string actor = ApplicantActor, string? note = null) =>
        new(ApplicationStatus.Submitted, [new StatusChange(at, ApplicationStatus.Submitted, ApplicationStatus.Submitted, actor, note)]);

    /// <summary>True when the current status is terminal.</summary>
    public bool IsTerminal => Status.IsTerminal();

    /// <summary>True when <paramref name="to"/> is a legal next status.</summary>
    public bool CanMoveTo(ApplicationStatus to) => Status.CanMoveTo(to);

    /// <summary>Moves to <paramref name="to"/>, appending a <see cref="StatusChange"/>.</summary>
    /// <exception cref="IllegalTransitionException">The transition is not in the legal graph.</exception>
    public ApplicationLifecycle MoveTo(ApplicationStatus to, string actor, DateTime at, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!CanMoveTo(to))
        {
            throw new IllegalTransitionException(Status, to);
        }

        var history = new List<StatusChange>(History.Count + 1);
        history.AddRange(History);
        history.Add(new StatusChange(at, Status, to, actor, note));
        return new ApplicationLifecycle(to, history);
    }

    /// <summary>When the application entered its current status.</summary>
    public DateTime? CurrentSince => History.Count == 0 ? null : History[^1].At;

    /// <inheritdoc />
    public bool Equals(ApplicationLifecycle? other) =>
        other is not null && Status == other.Status && History.SequenceEqual(other.History);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, History.Count);
}

/// <summary>Thrown when an application is asked to move along an edge that is not in the legal graph.</summary>
public sealed class IllegalTransitionException : DomainException
{
    /// <summary>Creates the exception for the refused transition.</summary>
    public IllegalTransitionException(ApplicationStatus from, ApplicationStatus to)
        : base($"Illegal status transition {from} → {to}.")
    {
        From = from;
        To = to;
    }

    /// <summary>The current status.</summary>
    public ApplicationStatus From { get; }

    /// <summary>The refused target status.</summary>
    public ApplicationStatus To { get; }
}
