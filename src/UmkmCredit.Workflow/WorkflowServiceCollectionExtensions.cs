using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Review;

namespace UmkmCredit.Workflow;

/// <summary>Registers the workflow's options, domain data and activities (host-agnostic).</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Adds everything the orchestrations and activities need, except the ports' adapters.</summary>
    public static IServiceCollection AddUmkmCreditWorkflow(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinksOptions>().BindConfiguration(LinksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OpdOptions>().BindConfiguration(OpdOptions.Section)
            .Validate(o => o.Reviewers.Count > 0, "Opd:Reviewers must configure at least one regency.").ValidateOnStart();
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section)
            .Validate(o => o.Roles.Count > 0 && o.Roles.All(SigningOptions.KnownRoles.Contains) && o.Roles.Distinct().Count() == o.Roles.Count,
                "Signing:Order must list applicant, bank and/or opd, each once.").ValidateOnStart();
        services.AddOptions<BankOptions>().BindConfiguration(BankOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Agreements.Signers>();
        services.TryAddSingleton<Agreements.AgreementComposer>();
        services.TryAddTransient<Agreements.SigningLinks>();
        services.TryAddSingleton(_ => WorkingDayCalendar.LoadEmbedded());
        services.TryAddSingleton(_ => SchemeCatalog.LoadEmbedded());
        services.TryAddSingleton<DeadlinePolicy>();
        services.TryAddSingleton<AccessTokens>();
        services.TryAddSingleton<ActionLinkService>();
        services.TryAddTransient<ReviewLinks>();
        services.TryAddTransient<Reminders.ReminderSweep>();
        services.TryAddTransient<Intake.ApplicationIntake>();
        foreach (var activity in WorkflowCatalog.Activities)
        {
            services.TryAddTransient(activity.Implementation);
        }

        return services;
    }

}
