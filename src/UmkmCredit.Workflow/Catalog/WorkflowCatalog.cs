using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Application;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Review;
using UmkmCredit.Workflow.Webhooks;

namespace UmkmCredit.Workflow.Catalog;

/// <summary>An activity of the catalogue: its name, implementing class and payload types.</summary>
public sealed record ActivityDescriptor(string Name, Type Implementation, Type Input, Type Output);

/// <summary>What both hosts must register: every orchestration and activity, once.</summary>
public static class WorkflowCatalog
{
    /// <summary>Orchestration names.</summary>
    public static IReadOnlyList<string> Orchestrations { get; } = [WorkflowNames.Orchestrations.Application, WorkflowNames.Orchestrations.WebhookDelivery, WorkflowNames.Orchestrations.Import];

    /// <summary>Activities with their implementation types.</summary>
    public static IReadOnlyList<ActivityDescriptor> Activities { get; } =
    [
        Describe<ScreenApplication, ScreenApplicationInput, ScreeningReport>(WorkflowNames.Activities.ScreenApplication),
        Describe<RecordStatusChange, StatusChangeRecord, bool>(WorkflowNames.Activities.RecordStatusChange),
        Describe<OpenReview, OpenReviewInput, ReviewAssignment>(WorkflowNames.Activities.OpenReview),
        Describe<EscalateReview, EscalateReviewInput, ReviewAssignment>(WorkflowNames.Activities.EscalateReview),
        Describe<OpenSecondReview, OpenSecondReviewInput, ReviewAssignment>(WorkflowNames.Activities.OpenSecondReview),
        Describe<ComputeDeadline, DeadlineRequest, DateTime>(WorkflowNames.Activities.ComputeDeadline),
        Describe<PrepareAgreement, PrepareAgreementInput, AgreementDraft>(WorkflowNames.Activities.PrepareAgreement),
        Describe<IssueSigningLinks, IssueSigningLinksInput, SigningPlan>(WorkflowNames.Activities.IssueSigningLinks),
        Describe<SendSigningLink, SendSigningLinkInput, bool>(WorkflowNames.Activities.SendSigningLink),
        Describe<FinaliseAgreement, FinaliseAgreementInput, string>(WorkflowNames.Activities.FinaliseAgreement),
        Describe<NotifyDeclined, NotifyDeclinedInput, bool>(WorkflowNames.Activities.NotifyDeclined),
        Describe<SupersedeLink, SupersedeLinkInput, bool>(WorkflowNames.Activities.SupersedeLink),
        Describe<CloseLinks, string, int>(WorkflowNames.Activities.CloseLinks),
        Describe<FindPendingWebhook, WebhookDeliveryInput, WebhookNext>(WorkflowNames.Activities.FindPendingWebhook),
        Describe<SendWebhook, SendWebhookInput, WebhookAttemptOutcome>(WorkflowNames.Activities.SendWebhook),
        Describe<Imports.ImportRows, Imports.ImportRowsInput, int>(WorkflowNames.Activities.ImportRows),
        Describe<Imports.RecordImportRowFailure, Imports.ImportRowsInput, bool>(WorkflowNames.Activities.RecordImportRowFailure),
        Describe<Imports.CompleteImport, string, bool>(WorkflowNames.Activities.CompleteImport),
    ];

    private static ActivityDescriptor Describe<TActivity, TInput, TOutput>(string name)
        where TActivity : IWorkflowActivity<TInput, TOutput> =>
        new(name, typeof(TActivity), typeof(TInput), typeof(TOutput));
}
