using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using UmkmCredit.Workflow.Application;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Functions.Workflow;

/// <summary>Orchestrations of <see cref="WorkflowCatalog.Orchestrations"/> (static functions: the class-based generator is not available).</summary>
public static class OrchestrationFunctions
{
    [Function(WorkflowNames.Orchestrations.Application)]
    public static Task<ApplicationWorkflowResult> ApplicationAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ApplicationOrchestration.RunAsync(context, context.GetInput<ApplicationWorkflowInput>()!);

    [Function(WorkflowNames.Orchestrations.WebhookDelivery)]
    public static Task<bool> WebhookDeliveryAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        UmkmCredit.Workflow.Webhooks.WebhookDeliveryOrchestration.RunAsync(context, context.GetInput<UmkmCredit.Workflow.Webhooks.WebhookDeliveryInput>()!);

    [Function(WorkflowNames.Orchestrations.Import)]
    public static Task<int> ImportAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        UmkmCredit.Workflow.Imports.ImportOrchestration.RunAsync(context, context.GetInput<UmkmCredit.Workflow.Imports.ImportWorkflowInput>()!);
}
