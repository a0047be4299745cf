using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Review;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;

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
        private AgreementSnapshot? _agreement;
        private List<SignatureSnapshot> _signatures = [];
        private List<string> _pendingLinks = [];
        private readonly ILogger _log = context.CreateReplaySafeLogger(typeof(ApplicationOrchestration));

        private string Id => input.ApplicationId;

        public async Task<ApplicationWorkflowResult> ExecuteAsync()
        {
            Log.OrchestrationStarted(_log, Id);
            Publish();
            var round = 0;
            DateTime? documentsDeadline = null;
            while (true)
            {
                var screening = await context.CallActivityAsync<ScreeningReport>(
                    WorkflowNames.Activities.ScreenApplication, new ScreenApplicationInput(Id, context.CurrentUtcDateTime));
                _ruleVersion = screening.RuleVersion;
                _reasons = screening.Reasons;

                if (screening.Outcome == ScreeningOutcome.Ineligible)
                {
                    return await FinishAsync(ApplicationStatus.Rejected, AuditActors.System, "Tidak memenuhi syarat program.");
                }

                if (screening.Outcome == ScreeningOutcome.MissingDocuments)
                {
                    documentsDeadline ??= screening.DocumentsDeadlineUtc;
                    if (_lifecycle.Status != ApplicationStatus.AwaitingDocuments)
                    {
                        await MoveAsync(ApplicationStatus.AwaitingDocuments, AuditActors.System,
                            "Dokumen belum lengkap: " + string.Join(", ", screening.MissingDocuments), documentsDeadline);
                    }
                    else
                    {
                        Publish(); // an upload that leaves documents missing still changes the reasons shown
                    }

                    var signal = await WaitAsync(documentsDeadline, SignalKind.DocumentsChanged);
                    if (signal is null)
                    {
                        return await FinishAsync(ApplicationStatus.Expired, AuditActors.System, "Dokumen tidak dilengkapi sampai batas waktu.");
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
                    return await FinishAsync(ApplicationStatus.Expired, AuditActors.System, "Perbaikan tidak dikirim sampai batas waktu.");
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
            _pendingLinks = [assignment.LinkId];
            _review = new ReviewSnapshot(assignment.ReviewerId, assignment.ReviewerName, false, round, null, null, null, [], null);
            await MoveAsync(ApplicationStatus.InReview, AuditActors.System, $"Dinilai oleh {assignment.ReviewerName}", assignment.DeadlineUtc);

            var (signal, finished) = await AwaitDecisionAsync(assignment, round);
            if (finished is not null)
            {
                return finished;
            }

            RecordDecision(signal!);
            if (signal!.Verdict == ReviewVerdict.Approve && signal.SecondLevel == true)
            {
                // Four-eyes branch point: only approvals the decide command marked as above the reviewer's limit come
                // here, so histories recorded before approval limits existed replay unchanged.
                (signal, finished) = await SecondLevelAsync(signal!, round);
                if (finished is not null)
                {
                    return finished;
                }

                RecordDecision(signal!);
            }

            switch (signal!.Verdict)
            {
                case ReviewVerdict.Approve:
                    await MoveAsync(ApplicationStatus.Approved, signal.Actor, ApprovedNote(signal), null);
                    return await SignAsync(signal);
                case ReviewVerdict.Reject:
                    return await FinishAsync(ApplicationStatus.Rejected, signal.Actor, signal.Note);
                default:
                    var revisionDeadline = await context.CallActivityAsync<DateTime>(WorkflowNames.Activities.ComputeDeadline,
                        new DeadlineRequest(Configuration.DeadlineKind.Documents, context.CurrentUtcDateTime));
                    await MoveAsync(ApplicationStatus.RevisionRequested, signal.Actor, signal.Note, revisionDeadline);
                    return null;
            }
        }

        /// <summary>
        /// The second level of an approval above the first reviewer's limit: the regency's supervisor reviews it through
        /// a link of their own, with the same deadline, reminders, escalation and expiry as the first level. Status stays
        /// InReview with review level 2. The supervisor's approval keeps the first level's amount and recommendations
        /// unless they set their own.
        /// </summary>
        private async Task<(WorkflowSignal? Decision, ApplicationWorkflowResult? Finished)> SecondLevelAsync(WorkflowSignal first, int round)
        {
            Log.SecondLevelRequired(_log, Id, _review!.ReviewerId);
            var firstLevel = new ReviewLevelSnapshot(_review.ReviewerId, _review.ReviewerName, first.Verdict, first.Note, first.ApprovedAmount, _review.DecidedAt);
            _review = _review with
            {
                Level = 2, FirstLevel = firstLevel, Escalated = false,
                Verdict = null, Note = null, ApprovedAmount = null, Recommendations = [], DecidedAt = null,
            };
            Publish(); // level 2 is visible before its link exists: the decide command reads the level from here

            var assignment = await context.CallActivityAsync<ReviewAssignment>(WorkflowNames.Activities.OpenSecondReview,
                new OpenSecondReviewInput(Id, input.RegencyCode, input.Sector, round, firstLevel.ReviewerId, first.ApprovedAmount, context.CurrentUtcDateTime, NewLinkId()));
            _pendingLinks = [assignment.LinkId];
            _deadline = assignment.DeadlineUtc;
            _review = _review with { ReviewerId = assignment.ReviewerId, ReviewerName = assignment.ReviewerName };
            Publish();

            var (decision, finished) = await AwaitDecisionAsync(assignment, round);
            if (finished is not null || decision!.Verdict != ReviewVerdict.Approve)
            {
                return (decision, finished);
            }

            var firstRecommendations = first.Recommendations ?? [];
            return (decision with
            {
                ApprovedAmount = decision.ApprovedAmount ?? first.ApprovedAmount,
                Recommendations = [.. firstRecommendations, .. (decision.Recommendations ?? []).Where(r => !firstRecommendations.Contains(r))],
            }, null);
        }

        /// <summary>
        /// Version branch (<see cref="WorkflowVersions.V2"/>): the "Approved" note names the approved amount and the
        /// mentoring commitments. Instances of 1.0, and those started before versioning, keep the reviewer's note alone.
        /// </summary>
        private string? ApprovedNote(WorkflowSignal approval) =>
            WorkflowVersions.IsAtLeast(context.Version, WorkflowVersions.V2)
                ? ApprovalNote.Compose(approval.Note, approval.ApprovedAmount, approval.Recommendations)
                : approval.Note;

        private void RecordDecision(WorkflowSignal signal) => _review = _review! with
        {
            Verdict = signal.Verdict,
            Note = signal.Note,
            ApprovedAmount = signal.ApprovedAmount,
            Recommendations = signal.Recommendations ?? [],
            DecidedAt = context.CurrentUtcDateTime,
        };

        /// <summary>
        /// Waits for the decision through the pending review link, escalating to the supervisor at the deadline (expiry
        /// at the escalation deadline) and following reassignments. Returns the decision, or the finished result.
        /// </summary>
        private async Task<(WorkflowSignal? Decision, ApplicationWorkflowResult? Finished)> AwaitDecisionAsync(ReviewAssignment assignment, int round)
        {
            var escalated = false;
            while (true)
            {
                var signal = await WaitAsync(_deadline, SignalKind.ReviewDecision, SignalKind.Reassign);
                if (signal is null)
                {
                    if (escalated)
                    {
                        return (null, await FinishAsync(ApplicationStatus.Expired, AuditActors.System, "Penilaian tidak diputuskan sampai batas waktu eskalasi."));
                    }

                    var escalation = await context.CallActivityAsync<ReviewAssignment>(WorkflowNames.Activities.EscalateReview,
                        new EscalateReviewInput(Id, input.RegencyCode, input.Sector, assignment.LinkId, NewLinkId(), context.CurrentUtcDateTime));
                    if (!escalation.Opened)
                    {
                        // The old link was used just before the deadline. Its decision is stored with the link: take it
                        // from there (its event, if it still comes, is ignored as already counted); without one, look
                        // again after a bounded wait — never wait unboundedly on a used link.
                        Log.EscalationSkipped(_log, Id, assignment.LinkId);
                        if (escalation.Decided is not { } stored)
                        {
                            _deadline = context.CurrentUtcDateTime.Add(UsedLinkRecheck);
                            continue;
                        }

                        signal = stored;
                    }
                    else
                    {
                        Log.ReviewEscalated(_log, Id, escalation.ReviewerId, escalation.LinkId);

                        escalated = true;
                        assignment = escalation;
                        _pendingLinks = [escalation.LinkId];
                        _deadline = escalation.DeadlineUtc;
                        _review = _review! with { ReviewerId = escalation.ReviewerId, ReviewerName = escalation.ReviewerName, Escalated = true };
                        Publish();
                        continue;
                    }
                }

                if (IsStop(signal))
                {
                    return (null, await StopAsync(signal));
                }

                if (signal.Kind == SignalKind.Reassign)
                {
                    if (_pendingLinks.FirstOrDefault() is { } current)
                    {
                        // The admin superseded the link it saw (signal.LinkId); an escalation may have issued another since.
                        // If that newer link can no longer be superseded it was used: its decision is on its way and wins.
                        // (The activity is called in every case, as before, so histories recorded earlier replay unchanged.)
                        var superseded = await context.CallActivityAsync<bool>(WorkflowNames.Activities.SupersedeLink, new SupersedeLinkInput(Id, current));
                        if (!superseded && current != signal.LinkId)
                        {
                            Log.SignalIgnored(_log, Id, signal.Kind, "the current review link was already used");
                            continue;
                        }
                    }

                    assignment = await context.CallActivityAsync<ReviewAssignment>(WorkflowNames.Activities.OpenReview,
                        new OpenReviewInput(Id, input.RegencyCode, input.Sector, round, context.CurrentUtcDateTime, NewLinkId(), signal.ReviewerId));
                    _pendingLinks = [assignment.LinkId];
                    _deadline = assignment.DeadlineUtc;
                    _review = _review! with { ReviewerId = assignment.ReviewerId, ReviewerName = assignment.ReviewerName };
                    Log.ReviewReassigned(_log, Id, assignment.ReviewerId, assignment.LinkId);
                    Publish();
                    continue;
                }

                if (signal.LinkId is not { } decidedLink || !_pendingLinks.Contains(decidedLink))
                {
                    Log.SignalIgnored(_log, Id, signal.Kind, "not the pending review link");
                    continue; // a decision through a superseded link never takes effect
                }

                _pendingLinks = [];
                return (signal, null);
            }
        }

        /// <summary>The agreement: draft, signing in order (or in parallel), finalise.</summary>
        private async Task<ApplicationWorkflowResult> SignAsync(WorkflowSignal approval)
        {
            var draft = await context.CallActivityAsync<AgreementDraft>(WorkflowNames.Activities.PrepareAgreement,
                new PrepareAgreementInput(Id, approval.ApprovedAmount, approval.Recommendations ?? [], context.CurrentUtcDateTime));
            _agreement = new AgreementSnapshot(draft.Number, AgreementState.Draft, draft.DraftSha256);
            var deadline = await context.CallActivityAsync<DateTime>(WorkflowNames.Activities.ComputeDeadline,
                new DeadlineRequest(Configuration.DeadlineKind.Signing, context.CurrentUtcDateTime));
            var plan = await context.CallActivityAsync<SigningPlan>(WorkflowNames.Activities.IssueSigningLinks,
                new IssueSigningLinksInput(Id, input.RegencyCode, deadline));
            _signatures = plan.Signers.Select(s => new SignatureSnapshot(s.Role, s.Name, SignatureState.Pending, null, s.LinkId)).ToList();
            var waiting = plan.Parallel ? plan.Signers.ToList() : [plan.Signers[0]];
            _pendingLinks = waiting.Select(s => s.LinkId).ToList();
            await MoveAsync(ApplicationStatus.AwaitingSignatures, AuditActors.System, $"Perjanjian {draft.Number} siap ditandatangani.", deadline);
            foreach (var signer in waiting)
            {
                await context.CallActivityAsync<bool>(WorkflowNames.Activities.SendSigningLink, new SendSigningLinkInput(Id, signer.LinkId, WorkflowNames.LinkMailKinds.New));
            }

            var signed = new List<SignatureItem>();
            while (_pendingLinks.Count > 0)
            {
                var signal = await WaitAsync(deadline, SignalKind.Signature);
                if (signal is null)
                {
                    return await FinishAsync(ApplicationStatus.Expired, AuditActors.System, "Perjanjian tidak ditandatangani sampai batas waktu.");
                }

                if (IsStop(signal))
                {
                    return await StopAsync(signal);
                }

                if (signal.LinkId is not { } linkId || !_pendingLinks.Contains(linkId))
                {
                    Log.SignalIgnored(_log, Id, signal.Kind, "not a pending signing link");
                    continue; // not this signer's turn, or already counted
                }

                var signer = plan.Signers.First(s => s.LinkId == linkId);
                if (signal.Signed != true)
                {
                    await context.CallActivityAsync<bool>(WorkflowNames.Activities.NotifyDeclined,
                        new NotifyDeclinedInput(Id, $"{signer.Name} ({signer.Role})", signal.Note ?? string.Empty));
                    MarkSignature(linkId, SignatureState.Declined, signal.AtUtc);
                    Log.SignatureCounted(_log, Id, signer.Role, SignatureState.Declined, _pendingLinks.Count - 1);
                    return await FinishAsync(ApplicationStatus.Declined, signal.Actor, signal.Note);
                }

                signed.Add(new SignatureItem(signer.Role, signer.Name, signal.AtUtc ?? context.CurrentUtcDateTime, signal.EvidenceId ?? string.Empty, signal.DocumentSha256 ?? draft.DraftSha256));
                MarkSignature(linkId, SignatureState.Signed, signal.AtUtc);
                _pendingLinks.Remove(linkId);
                Log.SignatureCounted(_log, Id, signer.Role, SignatureState.Signed, plan.Signers.Count - signed.Count);
                if (!plan.Parallel && signed.Count < plan.Signers.Count)
                {
                    var next = plan.Signers[signed.Count];
                    _pendingLinks.Add(next.LinkId);
                    Publish();
                    await context.CallActivityAsync<bool>(WorkflowNames.Activities.SendSigningLink, new SendSigningLinkInput(Id, next.LinkId, WorkflowNames.LinkMailKinds.New));
                }

                Publish();
            }

            // PDF signatures, then the timestamped seal: while the time-stamp authority does not answer, the
            // status says "Sealing" and the activity is retried (the signed revisions are stored, never lost).
            _agreement = _agreement with { Status = AgreementState.Sealing };
            Publish();
            var sha = await context.CallActivityAsync<string>(WorkflowNames.Activities.FinaliseAgreement, new FinaliseAgreementInput(Id, signed), SealRetry);
            _agreement = _agreement with { Status = AgreementState.Signed, Sha256 = sha };
            return await FinishAsync(ApplicationStatus.Completed, AuditActors.System, $"Perjanjian {draft.Number} ditandatangani semua pihak.");
        }

        /// <summary>How long the escalation path waits before it looks again at a used link whose decision it could not read.</summary>
        private static readonly TimeSpan UsedLinkRecheck = TimeSpan.FromMinutes(10);

        /// <summary>About two days of attempts, 2 s apart at first, at most an hour apart.</summary>
        private static readonly TaskOptions SealRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(48, TimeSpan.FromSeconds(2), 2, TimeSpan.FromHours(1)));

        private void MarkSignature(string linkId, SignatureState status, DateTime? at) =>
            _signatures = _signatures.Select(s => s.LinkId == linkId ? s with { Status = status, At = at ?? context.CurrentUtcDateTime } : s).ToList();

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
                        Log.DeadlinePassed(_log, Id, deadline, _lifecycle.Status);
                        return null;
                    }

                    cts.Cancel();
                }

                signal = await _pendingSignal;
                _pendingSignal = null;
                if (IsStop(signal) || kinds.Contains(signal.Kind))
                {
                    Log.SignalReceived(_log, Id, signal.Kind);
                    return signal;
                }

                Log.SignalIgnored(_log, Id, signal.Kind, $"not awaited while {_lifecycle.Status}");
            }
        }

        private string NewLinkId() => context.NewGuid().ToString("N");

        private async Task MoveAsync(ApplicationStatus to, string actor, string? note, DateTime? deadline)
        {
            var from = _lifecycle.Status;
            _lifecycle = _lifecycle.MoveTo(to, actor, context.CurrentUtcDateTime, note);
            _deadline = deadline;
            Log.StatusMoved(_log, Id, from, to, actor);
            Publish();
            await context.CallActivityAsync<bool>(WorkflowNames.Activities.RecordStatusChange, new StatusChangeRecord(
                Id, _lifecycle.History.Count, from, to, context.CurrentUtcDateTime, actor, note, deadline, _reasons));
        }

        private async Task<ApplicationWorkflowResult> FinishAsync(ApplicationStatus to, string actor, string? note)
        {
            _pendingLinks = [];
            await MoveAsync(to, actor, note, null);
            await context.CallActivityAsync<int>(WorkflowNames.Activities.CloseLinks, Id);
            Log.OrchestrationFinished(_log, Id, to);
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
            _pendingLinks.FirstOrDefault(),
            _agreement,
            _signatures,
            _pendingLinks.ToList()));
    }
}
