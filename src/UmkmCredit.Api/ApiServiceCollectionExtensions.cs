using Microsoft.Extensions.DependencyInjection;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Platform;
using UmkmCredit.Api.Review;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow;

namespace UmkmCredit.Api;

/// <summary>Registers what both hosts share: the workflow (commands, activities) and the HTTP handlers. Each host adds the adapters (<c>AddUmkmCreditInfrastructure</c>).</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the host-agnostic application.</summary>
    public static IServiceCollection AddUmkmCreditApplication(this IServiceCollection services)
    {
        services.AddUmkmCreditWorkflow();
        services.AddTransient<ApplicationEndpoints>();
        services.AddTransient<PersonalDataEndpoints>();
        services.AddTransient<ReviewEndpoints>();
        services.AddTransient<Signing.SigningEndpoints>();
        services.AddTransient<Signing.VerifyEndpoints>();
        services.AddTransient<Admin.AdminEndpoints>();
        services.AddTransient<Admin.AdminConsoleEndpoints>();
        services.AddTransient<Admin.WebhookEndpoints>();
        services.AddTransient<Admin.ImportEndpoints>();
        services.AddSingleton<Workflow.Imports.IImportRowBinder, PortalRowBinder>();
        services.AddTransient<SystemEndpoints>();
        services.AddTransient<ApplicantPageEndpoints>();
        services.AddSingleton<ApiDispatcher>();
        return services;
    }
}
