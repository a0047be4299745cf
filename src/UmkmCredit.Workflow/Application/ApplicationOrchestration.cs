using Microsoft.DurableTask;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow.Application;

/// <summary>
/// The per-application orchestration (instance id = application id). It only sequences, waits and records:
/// decisions come from the domain (screening, the lifecycle's legal transitions) and from people via signals.
/// Deterministic: time from <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, ids from <see cref="TaskOrchestrationContext.NewGuid"/>.
/// </summary>
public static class ApplicationOrchestration
{
    /// <summary>Entry point registered under <see cref="WorkflowNames.Orchestrations.Application"/>.</summary>
    public static Task<ApplicationWorkflowResult> RunAsync(TaskOrchestrationContext context, ApplicationWorkflowInput input) =>
        new ApplicationRun(context, input).ExecuteAsync();

    private sealed class ApplicationRun(TaskOrchestrationContext context, ApplicationWorkflowInput input)
    {
        private ApplicationLifecycle _lifecycle = ApplicationLifecycle.Start(input.SubmittedAtUtc);
        private Task<WorkflowSignal>? _pendingSignal;
        private DateTime? _deadline;
        private IReadOnlyList<ReasonItem> _reasons = [];
        private ReviewSnapshot? _review;
        private string? _ruleVersion;
        private string? _pendingLinkId;

        private string Id => input.ApplicationId;

        public async Task<ApplicationWorkflowResult> ExecuteAsync()
        {
            Publish();
            var round = 0;
            DateTime? documentsDeadline = null;
            while (true)
            {
                var screening = await context.CallActivityAsync<ScreeningReport>(
                    WorkflowNames.Activities.ScreenApplication, new ScreenApplicationInput(Id, context.CurrentUtcDateTime));
                _ruleVersion = screening.RuleVersion;
                _reasons = screening.Reasons;

                if (screening.Outcome == "Ineligible")
                {
                    return await FinishAsync(ApplicationStatus.Rejected, "system", "Tidak memenuhi syarat program.");
                }

                if (screening.Outcome == "MissingDocuments")
                {
                    documentsDeadline ??= screening.DocumentsDeadlineUtc;
                    if (_lifecycle.Status != ApplicationStatus.AwaitingDocuments)
                    {
                        await MoveAsync(ApplicationStatus.AwaitingDocuments, "system",
                            "Dokumen belum lengkap: " + string.Join(", ", screening.MissingDocuments), documentsDeadline);
                    }

                    var signal = await WaitAsync(documentsDeadline, SignalKind.DocumentsChanged);
                    if (signal is null)
                    {
                        return await FinishAsync(ApplicationStatus.Expired, "system", "Dokumen tidak dilengkapi sampai batas waktu.");
                    }

                    if (IsStop(signal))
                    {
                        return await StopAsync(signal);
                    }

                    continue;
                }

                documentsDeadline = null;
                _reasons = [];
                var outcome = await ReviewAsync(round);
                if (outcome is not null)
                {
                    return outcome;
                }

                // Revision requested: wait for the applicant's resubmission, then screen and review again.
                round++;
                var resubmitted = await WaitAsync(_deadline, SignalKind.Resubmitted);
                if (resubmitted is null)
                {
                    return await FinishAsync(ApplicationStatus.Expired, "system", "Perbaikan tidak dikirim sampai batas waktu.");
                }

                if (IsStop(resubmitted))
                {
                    return await StopAsync(resubmitted);
                }
            }
        }

        /// <summary>Runs one review round; null means "revision requested".</summary>
        private async Task<ApplicationWorkflowResult?> ReviewAsync(int round)
        {
            var assignment = await context.CallActivityAsync<ReviewAssignment>(WorkflowNames.Activities.OpenReview,
                new OpenReviewInput(Id, input.RegencyCode, input.Sector, round, context.CurrentUtcDateTime, NewLinkId()));
            _pendingLinkId = assignment.LinkId;
            _review = new ReviewSnapshot(assignment.ReviewerId, assignment.ReviewerName, false, round, null, null, null, [], null);
            await MoveAsync(ApplicationStatus.InReview, "system", $"Dinilai oleh {assignment.ReviewerName}", assignment.DeadlineUtc);

            var escalated = false;
            while (true)
            {
                var signal = await WaitAsync(_deadline, SignalKind.ReviewDecision, SignalKind.Reassign);
                if (signal is null)
                {
                    if (escalated)
                    {
                        return await FinishAsync(ApplicationStatus.Expired, "system", "Penilaian tidak diputuskan sampai batas waktu eskalasi.");
                    }

                    var escalation = await context.CallActivityAsync<ReviewAssignment>(WorkflowNames.Activities.EscalateReview,
                        new EscalateReviewInput(Id, input.RegencyCode, input.Sector, assignment.LinkId, NewLinkId(), context.CurrentUtcDateTime));
                    if (!escalation.Opened)
                    {
                        // The old link was used just before the deadline: its decision is buffered; wait for it.
                        _deadline = null;
                        continue;
                    }

                    escalated = true;
                    assignment = escalation;
                    _pendingLinkId = escalation.LinkId;
                    _deadline = escalation.DeadlineUtc;
                    _review = _review! with { ReviewerId = escalation.ReviewerId, ReviewerName = escalation.ReviewerName, Escalated = true };
                    Publish();
                    continue;
                }

                if (IsStop(signal))
                {
                    return await StopAsync(signal);
                }

                if (signal.Kind == SignalKind.Reassign)
                {
                    assignment = await context.CallActivityAsync<ReviewAssignment>(WorkflowNames.Activities.OpenReview,
                        new OpenReviewInput(Id, input.RegencyCode, input.Sector, round, context.CurrentUtcDateTime, NewLinkId(), signal.ReviewerId));
                    _pendingLinkId = assignment.LinkId;
                    _deadline = assignment.DeadlineUtc;
                    _review = _review! with { ReviewerId = assignment.ReviewerId, ReviewerName = assignment.ReviewerName };
                    Publish();
                    continue;
                }

                if (signal.LinkId != _pendingLinkId)
                {
                    continue; // a decision through a superseded link never takes effect
                }

                _pendingLinkId = null;
                _review = _review! with
                {
                    Verdict = signal.Verdict,
                    Note = signal.Note,
                    ApprovedAmount = signal.ApprovedAmount,
                    Recommendations = signal.Recommendations ?? [],
                    DecidedAt = context.CurrentUtcDateTime,
                };
                switch (signal.Verdict)
                {
                    case ReviewVerdict.Approve:
                        // The agreement and signing stages build on this state (their own issue).
                        await MoveAsync(ApplicationStatus.Approved, signal.Actor, signal.Note, null);
                        return new ApplicationWorkflowResult(_lifecycle.Status, signal.Note);
                    case ReviewVerdict.Reject:
                        return await FinishAsync(ApplicationStatus.Rejected, signal.Actor, signal.Note);
                    default:
                        var revisionDeadline = await context.CallActivityAsync<DateTime>(WorkflowNames.Activities.ComputeDeadline,
                            new DeadlineRequest(Configuration.DeadlineKind.Documents, context.CurrentUtcDateTime));
                        await MoveAsync(ApplicationStatus.RevisionRequested, signal.Actor, signal.Note, revisionDeadline);
                        return null;
                }
            }
        }

        private static bool IsStop(WorkflowSignal signal) => signal.Kind is SignalKind.Withdraw or SignalKind.Cancel;

        private Task<ApplicationWorkflowResult> StopAsync(WorkflowSignal signal) => signal.Kind == SignalKind.Withdraw
            ? FinishAsync(ApplicationStatus.Withdrawn, signal.Actor, signal.Note ?? "Permohonan ditarik oleh pemohon.")
            : FinishAsync(ApplicationStatus.Cancelled, signal.Actor, signal.Note);

        /// <summary>
        /// Waits for a signal of the given kinds (withdraw and cancel always count) or the deadline; null on timeout.
        /// One waiter is kept across calls: an abandoned waiter would swallow the next event.
        /// </summary>
        private async Task<WorkflowSignal?> WaitAsync(DateTime? deadlineUtc, params SignalKind[] kinds)
        {
            while (true)
            {
                _pendingSignal ??= context.WaitForExternalEvent<WorkflowSignal>(WorkflowNames.Events.Signal);
                WorkflowSignal signal;
                if (deadlineUtc is { } deadline)
                {
                    using var cts = new CancellationTokenSource();
                    var timer = context.CreateTimer(deadline, cts.Token);
                    var winner = await Task.WhenAny(_pendingSignal, timer);
                    if (winner != _pendingSignal)
                    {
                        return null;
                    }

                    cts.Cancel();
                }

                signal = await _pendingSignal;
                _pendingSignal = null;
                if (IsStop(signal) || kinds.Contains(signal.Kind))
                {
                    return signal;
                }
            }
        }

        private string NewLinkId() => context.NewGuid().ToString("N");

        private async Task MoveAsync(ApplicationStatus to, string actor, string? note, DateTime? deadline)
        {
            var from = _lifecycle.Status;
            _lifecycle = _lifecycle.MoveTo(to, actor, context.CurrentUtcDateTime, note);
            _deadline = deadline;
            Publish();
            await context.CallActivityAsync<bool>(WorkflowNames.Activities.RecordStatusChange, new StatusChangeRecord(
                Id, _lifecycle.History.Count, from, to, context.CurrentUtcDateTime, actor, note, deadline, _reasons));
        }

        private async Task<ApplicationWorkflowResult> FinishAsync(ApplicationStatus to, string actor, string? note)
        {
            _pendingLinkId = null;
            await MoveAsync(to, actor, note, null);
            await context.CallActivityAsync<int>(WorkflowNames.Activities.CloseLinks, Id);
            return new ApplicationWorkflowResult(to, note);
        }

        private void Publish() => context.SetCustomStatus(new ApplicationSnapshot(
            _lifecycle.Status,
            context.CurrentUtcDateTime,
            _deadline,
            _reasons,
            _review,
            _lifecycle.History.Select(h => new HistoryItem(h.At, h.To, h.Note)).ToList(),
            _ruleVersion,
            _pendingLinkId));
    }
}
