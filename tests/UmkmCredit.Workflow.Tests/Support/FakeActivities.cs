using System.Collections.Concurrent;
using Microsoft.DurableTask;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;

namespace UmkmCredit.Workflow.Tests.Support;

/// <summary>What one test's activity doubles answer (per application id = instance id).</summary>
public sealed class Script
{
    private readonly ConcurrentQueue<(ScreeningOutcome Outcome, string[] Missing)> _screenings = new();
    private readonly List<string> _calls = [];
    private readonly ConcurrentQueue<string> _reviewLinks = new();

    /// <summary>Documents deadline after a screening that finds documents missing, and after a revision request.</summary>
    public TimeSpan DocumentsWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reviewer deadline.</summary>
    public TimeSpan ReviewWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Supervisor deadline after escalation.</summary>
    public TimeSpan EscalationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time the supervisor has for a second-level review (four-eyes).</summary>
    public TimeSpan SecondReviewWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Signing deadline.</summary>
    public TimeSpan SigningWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The escalation finds the reviewer's link already used (the decision is on its way).</summary>
    public bool EscalationFindsLinkUsed { get; set; }

    /// <summary>What <see cref="WorkflowNames.Activities.SupersedeLink"/> answers (false: the link was used meanwhile).</summary>
    public bool SupersedeSucceeds { get; set; } = true;

    /// <summary>Signer roles in order.</summary>
    public IReadOnlyList<string> Roles { get; set; } = WorkflowNames.SignerRoles.All;

    /// <summary>Everyone signs at once.</summary>
    public bool Parallel { get; set; }

    /// <summary>Queues the next screening answer (answers run out into <see cref="ScreeningOutcome.Eligible"/>).</summary>
    public Script Screens(ScreeningOutcome outcome, params string[] missing)
    {
        _screenings.Enqueue((outcome, missing));
        return this;
    }

    /// <summary>The activity calls so far, oldest first, as short descriptions (e.g. <c>RecordStatusChange:InReview</c>).</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Every review link issued (routing, escalation, reassignment), oldest first.</summary>
    public IReadOnlyList<string> ReviewLinks => [.. _reviewLinks];

    internal void IssuedReviewLink(string linkId) => _reviewLinks.Enqueue(linkId);

    internal void Record(string call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    internal (ScreeningOutcome Outcome, string[] Missing) NextScreening() =>
        _screenings.TryDequeue(out var next) ? next : (ScreeningOutcome.Eligible, []);
}

/// <summary>
/// Test doubles of every activity of <see cref="WorkflowCatalog"/>, registered under the catalogue's names. They touch
/// no storage or mail: they answer from the test's <see cref="Script"/> and record each call in order.
/// </summary>
public sealed class FakeActivities
{
    /// <summary>Reviewer chosen by routing when no reviewer is named.</summary>
    public const string RoutedReviewer = "opd-01";

    /// <summary>The supervisor who receives escalations.</summary>
    public const string Supervisor = "sup-01";

    /// <summary>The agreement number the draft gets.</summary>
    public const string AgreementNumber = "001/PKS-UMKM/TES/I/2026";

    /// <summary>The draft's SHA-256.</summary>
    public const string DraftSha = "draft-sha";

    /// <summary>The signed PDF's SHA-256.</summary>
    public const string SignedSha = "signed-sha";

    private readonly ConcurrentDictionary<string, Script> _scripts = new();

    /// <summary>The names registered, for the check against the catalogue.</summary>
    public IReadOnlyList<string> Registered { get; private set; } = [];

    /// <summary>Uses <paramref name="script"/> for the orchestration instance <paramref name="applicationId"/>.</summary>
    public void Use(string applicationId, Script script) => _scripts[applicationId] = script;

    /// <summary>The script of an application.</summary>
    public Script Of(string applicationId) => _scripts[applicationId];

    /// <summary>Registers one double per catalogue activity.</summary>
    public void Register(DurableTaskRegistry registry)
    {
        var names = new List<string>();
        void Add<TIn, TOut>(string name, Func<Script, TIn, TOut> run)
        {
            names.Add(name);
            registry.AddActivityFunc<TIn, TOut>(name, (context, input) => run(ScriptOf(context), input));
        }

        Add<ScreenApplicationInput, ScreeningReport>(WorkflowNames.Activities.ScreenApplication, (s, i) =>
        {
            var (outcome, missing) = s.NextScreening();
            s.Record($"ScreenApplication:{outcome}");
            var reasons = outcome switch
            {
                ScreeningOutcome.Ineligible => [new ReasonItem("age.limit", "Usia di luar batas program.")],
                ScreeningOutcome.MissingDocuments => missing.Select(m => new ReasonItem("document.missing", m)).ToList(),
                _ => new List<ReasonItem>(),
            };
            return new ScreeningReport(outcome, reasons, missing, "test-rules-1", i.NowUtc + s.DocumentsWindow);
        });
        Add<StatusChangeRecord, bool>(WorkflowNames.Activities.RecordStatusChange, (s, i) =>
        {
            s.Record($"RecordStatusChange:{i.To}");
            return true;
        });
        Add<OpenReviewInput, ReviewAssignment>(WorkflowNames.Activities.OpenReview, (s, i) =>
        {
            var reviewer = i.ReviewerId ?? RoutedReviewer;
            s.Record($"OpenReview:{reviewer}:round{i.Round}");
            s.IssuedReviewLink(i.LinkId);
            return new ReviewAssignment(true, reviewer, "Penilai " + reviewer, i.LinkId, i.NowUtc + s.ReviewWindow, false);
        });
        Add<OpenSecondReviewInput, ReviewAssignment>(WorkflowNames.Activities.OpenSecondReview, (s, i) =>
        {
            s.Record($"OpenSecondReview:{Supervisor}:after:{i.FirstReviewerId}:{i.ApprovedAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "requested"}");
            s.IssuedReviewLink(i.LinkId);
            return new ReviewAssignment(true, Supervisor, "Atasan " + Supervisor, i.LinkId, i.NowUtc + s.SecondReviewWindow, false);
        });
        Add<EscalateReviewInput, ReviewAssignment>(WorkflowNames.Activities.EscalateReview, (s, i) =>
        {
            s.Record($"EscalateReview:{(s.EscalationFindsLinkUsed ? "linkUsed" : Supervisor)}");
            if (!s.EscalationFindsLinkUsed)
            {
                s.IssuedReviewLink(i.NewLinkId);
            }

            return s.EscalationFindsLinkUsed
                ? new ReviewAssignment(false, RoutedReviewer, "Penilai " + RoutedReviewer, i.PreviousLinkId, i.NowUtc, false)
                : new ReviewAssignment(true, Supervisor, "Atasan " + Supervisor, i.NewLinkId, i.NowUtc + s.EscalationWindow, true);
        });
        Add<DeadlineRequest, DateTime>(WorkflowNames.Activities.ComputeDeadline, (s, i) =>
        {
            s.Record($"ComputeDeadline:{i.Kind}");
            return i.FromUtc + i.Kind switch
            {
                DeadlineKind.Documents => s.DocumentsWindow,
                DeadlineKind.Signing => s.SigningWindow,
                DeadlineKind.Review => s.ReviewWindow,
                _ => s.EscalationWindow,
            };
        });
        Add<PrepareAgreementInput, AgreementDraft>(WorkflowNames.Activities.PrepareAgreement, (s, i) =>
        {
            s.Record($"PrepareAgreement:{i.ApprovedAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "requested"}");
            return new AgreementDraft(AgreementNumber, DraftSha, "content-hash");
        });
        Add<IssueSigningLinksInput, SigningPlan>(WorkflowNames.Activities.IssueSigningLinks, (s, i) =>
        {
            s.Record("IssueSigningLinks");
            return new SigningPlan(s.Roles.Select(r => new SignerLink(r, "Penanda tangan " + r, "sign-" + r)).ToList(), s.Parallel);
        });
        Add<SendSigningLinkInput, bool>(WorkflowNames.Activities.SendSigningLink, (s, i) =>
        {
            s.Record($"SendSigningLink:{i.LinkId}:{i.Kind}");
            return true;
        });
        Add<FinaliseAgreementInput, string>(WorkflowNames.Activities.FinaliseAgreement, (s, i) =>
        {
            s.Record("FinaliseAgreement:" + string.Join(",", i.Signatures.Select(x => x.Role)));
            return SignedSha;
        });
        Add<NotifyDeclinedInput, bool>(WorkflowNames.Activities.NotifyDeclined, (s, i) =>
        {
            s.Record("NotifyDeclined");
            return true;
        });
        Add<SupersedeLinkInput, bool>(WorkflowNames.Activities.SupersedeLink, (s, i) =>
        {
            s.Record($"SupersedeLink:{s.SupersedeSucceeds}");
            return s.SupersedeSucceeds;
        });
        Add<string, int>(WorkflowNames.Activities.CloseLinks, (s, i) =>
        {
            s.Record("CloseLinks");
            return 0;
        });
        Registered = names;
    }

    private Script ScriptOf(TaskActivityContext context) =>
        _scripts.TryGetValue(context.InstanceId, out var script)
            ? script
            : throw new InvalidOperationException($"No script for instance {context.InstanceId}.");
}
