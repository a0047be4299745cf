using Microsoft.DurableTask;
using UmkmCredit.Workflow.Application;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Server.Engine;

/// <summary>Registers the whole catalogue with the Durable Task SDK worker.</summary>
public static class WorkflowRegistration
{
    /// <summary>Adds every orchestration and activity of <see cref="WorkflowCatalog"/>.</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<ApplicationWorkflowInput, ApplicationWorkflowResult>(
            WorkflowNames.Orchestrations.Application, ApplicationOrchestration.RunAsync);
        registry.AddOrchestratorFunc<UmkmCredit.Workflow.Webhooks.WebhookDeliveryInput, bool>(
            WorkflowNames.Orchestrations.WebhookDelivery, UmkmCredit.Workflow.Webhooks.WebhookDeliveryOrchestration.RunAsync);
        registry.AddOrchestratorFunc<Workflow.Imports.ImportWorkflowInput, int>(WorkflowNames.Orchestrations.Import, Workflow.Imports.ImportOrchestration.RunAsync);
        foreach (var activity in WorkflowCatalog.Activities)
        {
            var adapter = typeof(ActivityAdapter<,>).MakeGenericType(activity.Input, activity.Output);
            registry.AddActivity(activity.Name, sp =>
                (ITaskActivity)Activator.CreateInstance(adapter, sp.GetRequiredService(activity.Implementation))!);
        }
    }
}
