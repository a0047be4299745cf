using Microsoft.Extensions.DependencyInjection;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Platform;
using UmkmCredit.Api.Review;
using UmkmCredit.Api.Routing;
using UmkmCredit.Infrastructure;
using UmkmCredit.Workflow;

namespace UmkmCredit.Api;

/// <summary>Registers everything both hosts share: workflow, infrastructure and the HTTP handlers.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the host-agnostic application.</summary>
    public static IServiceCollection AddUmkmCreditApplication(this IServiceCollection services)
    {
        services.AddUmkmCreditWorkflow();
        services.AddUmkmCreditInfrastructure();
        services.AddTransient<ApplicationAccess>();
        services.AddTransient<ApplicationEndpoints>();
        services.AddTransient<ReviewEndpoints>();
        services.AddTransient<Signing.SigningEndpoints>();
        services.AddTransient<Signing.VerifyEndpoints>();
        services.AddTransient<Admin.AdminEndpoints>();
        services.AddTransient<SystemEndpoints>();
        services.AddSingleton<PortalEndpoints>();
        services.AddSingleton<ApiDispatcher>();
        return services;
    }
}
