using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Application;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Imports;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Review;
using UmkmCredit.Workflow.Webhooks;

namespace UmkmCredit.Functions.Workflow;

/// <summary>One wrapper per activity of <see cref="WorkflowCatalog.Activities"/>; the class comes from the invocation's scope.</summary>
public static class ActivityFunctions
{
    [Function(WorkflowNames.Activities.ScreenApplication)]
    public static Task<ScreeningReport> ScreenApplicationAsync([ActivityTrigger] ScreenApplicationInput input, FunctionContext context) =>
        context.RunAsync<ScreenApplication, ScreenApplicationInput, ScreeningReport>(input);

    [Function(WorkflowNames.Activities.RecordStatusChange)]
    public static Task<bool> RecordStatusChangeAsync([ActivityTrigger] StatusChangeRecord input, FunctionContext context, [DurableClient] DurableTaskClient? client = null) =>
        context.RunAsync<RecordStatusChange, StatusChangeRecord, bool>(input, client); // records webhook events, wakes their delivery

    [Function(WorkflowNames.Activities.OpenReview)]
    public static Task<ReviewAssignment> OpenReviewAsync([ActivityTrigger] OpenReviewInput input, FunctionContext context) =>
        context.RunAsync<OpenReview, OpenReviewInput, ReviewAssignment>(input);

    [Function(WorkflowNames.Activities.EscalateReview)]
    public static Task<ReviewAssignment> EscalateReviewAsync([ActivityTrigger] EscalateReviewInput input, FunctionContext context) =>
        context.RunAsync<EscalateReview, EscalateReviewInput, ReviewAssignment>(input);

    [Function(WorkflowNames.Activities.OpenSecondReview)]
    public static Task<ReviewAssignment> OpenSecondReviewAsync([ActivityTrigger] OpenSecondReviewInput input, FunctionContext context) =>
        context.RunAsync<OpenSecondReview, OpenSecondReviewInput, ReviewAssignment>(input);

    [Function(WorkflowNames.Activities.ComputeDeadline)]
    public static Task<DateTime> ComputeDeadlineAsync([ActivityTrigger] DeadlineRequest input, FunctionContext context) =>
        context.RunAsync<ComputeDeadline, DeadlineRequest, DateTime>(input);

    [Function(WorkflowNames.Activities.PrepareAgreement)]
    public static Task<AgreementDraft> PrepareAgreementAsync([ActivityTrigger] PrepareAgreementInput input, FunctionContext context) =>
        context.RunAsync<PrepareAgreement, PrepareAgreementInput, AgreementDraft>(input);

    [Function(WorkflowNames.Activities.IssueSigningLinks)]
    public static Task<SigningPlan> IssueSigningLinksAsync([ActivityTrigger] IssueSigningLinksInput input, FunctionContext context) =>
        context.RunAsync<IssueSigningLinks, IssueSigningLinksInput, SigningPlan>(input);

    [Function(WorkflowNames.Activities.SendSigningLink)]
    public static Task<bool> SendSigningLinkAsync([ActivityTrigger] SendSigningLinkInput input, FunctionContext context) =>
        context.RunAsync<SendSigningLink, SendSigningLinkInput, bool>(input);

    [Function(WorkflowNames.Activities.FinaliseAgreement)]
    public static Task<string> FinaliseAgreementAsync([ActivityTrigger] FinaliseAgreementInput input, FunctionContext context) =>
        context.RunAsync<FinaliseAgreement, FinaliseAgreementInput, string>(input);

    [Function(WorkflowNames.Activities.NotifyDeclined)]
    public static Task<bool> NotifyDeclinedAsync([ActivityTrigger] NotifyDeclinedInput input, FunctionContext context) =>
        context.RunAsync<NotifyDeclined, NotifyDeclinedInput, bool>(input);

    [Function(WorkflowNames.Activities.SupersedeLink)]
    public static Task<bool> SupersedeLinkAsync([ActivityTrigger] SupersedeLinkInput input, FunctionContext context) =>
        context.RunAsync<SupersedeLink, SupersedeLinkInput, bool>(input);

    [Function(WorkflowNames.Activities.CloseLinks)]
    public static Task<int> CloseLinksAsync([ActivityTrigger] string input, FunctionContext context) =>
        context.RunAsync<CloseLinks, string, int>(input);

    [Function(WorkflowNames.Activities.FindPendingWebhook)]
    public static Task<WebhookNext> FindPendingWebhookAsync([ActivityTrigger] WebhookDeliveryInput input, FunctionContext context) =>
        context.RunAsync<FindPendingWebhook, WebhookDeliveryInput, WebhookNext>(input);

    [Function(WorkflowNames.Activities.SendWebhook)]
    public static Task<WebhookAttemptOutcome> SendWebhookAsync([ActivityTrigger] SendWebhookInput input, FunctionContext context) =>
        context.RunAsync<SendWebhook, SendWebhookInput, WebhookAttemptOutcome>(input);

    /// <summary>Starts application orchestrations, so it gets this invocation's engine client (see <see cref="FunctionsEngineClient"/>).</summary>
    [Function(WorkflowNames.Activities.ImportRows)]
    public static Task<int> ImportRowsAsync([ActivityTrigger] ImportRowsInput input, FunctionContext context, [DurableClient] DurableTaskClient client) =>
        context.RunAsync<ImportRows, ImportRowsInput, int>(input, client);

    [Function(WorkflowNames.Activities.RecordImportRowFailure)]
    public static Task<bool> RecordImportRowFailureAsync([ActivityTrigger] ImportRowsInput input, FunctionContext context) =>
        context.RunAsync<RecordImportRowFailure, ImportRowsInput, bool>(input);

    [Function(WorkflowNames.Activities.CompleteImport)]
    public static Task<bool> CompleteImportAsync([ActivityTrigger] string input, FunctionContext context) =>
        context.RunAsync<CompleteImport, string, bool>(input);

    /// <summary>Runs the activity; <paramref name="client"/> is this invocation's engine client, for activities that start or wake another orchestration.</summary>
    private static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(this FunctionContext context, TInput input, DurableTaskClient? client = null)
        where TActivity : IWorkflowActivity<TInput, TOutput>
    {
        if (client is not null)
        {
            context.InstanceServices.GetRequiredService<FunctionsEngineClient>().Bind(client);
        }

        return context.InstanceServices.GetRequiredService<TActivity>().RunAsync(input, context.CancellationToken);
    }
}
