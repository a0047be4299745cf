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
        services.AddOptions<OpdOptions>().BindConfiguration(OpdOptions.Section).ValidateOnStart();
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section)
            .Validate(o => o.Roles.Count > 0 && o.Roles.All(SigningOptions.KnownRoles.Contains) && o.Roles.Distinct().Count() == o.Roles.Count,
                "Signing:Order must list applicant, bank and/or opd, each once.").ValidateOnStart();
        services.AddOptions<BankOptions>().BindConfiguration(BankOptions.Section).ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<Ports.ISubmissionThrottle, Ports.InMemorySubmissionThrottle>();
        services.AddOptions<Webhooks.WebhookOptions>().BindConfiguration(Webhooks.WebhookOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<Webhooks.WebhookOptions>, Webhooks.WebhookOptionsValidator>());
        services.TryAddSingleton<Webhooks.WebhookPublisher>();
        services.TryAddTransient<Webhooks.WebhookRetirement>();
        services.AddOptions<Notifications.WhatsAppOptions>().BindConfiguration(Notifications.WhatsAppOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<Notifications.WhatsAppOptions>, Notifications.WhatsAppOptionsValidator>());
        services.TryAddTransient<Notifications.WhatsAppStatusMessages>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<OpdOptions>, DirectoryOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<BankOptions>, DirectoryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Agreements.Signers>();
        services.TryAddSingleton<Agreements.AgreementComposer>();
        services.TryAddTransient<Agreements.SigningLinks>();
        services.TryAddSingleton(_ => WorkingDayCalendar.LoadEmbedded());
        services.TryAddSingleton(_ => SchemeCatalog.LoadEmbedded());
        services.TryAddSingleton<DeadlinePolicy>();
        services.TryAddSingleton<AccessTokens>();
        services.TryAddSingleton<ActionLinkService>();
        services.TryAddSingleton<Signals.DecisionDelivery>();
        services.TryAddTransient<ReviewLinks>();
        services.TryAddTransient<Reminders.ReminderSweep>();
        services.TryAddTransient<Intake.ApplicationIntake>();
        services.TryAddTransient<Intake.ActiveApplicationGuard>();
        services.TryAddTransient<PendingLinkSender>();
        services.TryAddSingleton<Imports.ImportFiles>();
        services.AddUmkmCreditUseCases();
        foreach (var activity in WorkflowCatalog.Activities)
        {
            services.TryAddTransient(activity.Implementation);
        }

        return services;
    }

    /// <summary>One command (or query) per user action; hosts' handlers call these and nothing else.</summary>
    private static void AddUmkmCreditUseCases(this IServiceCollection services)
    {
        services.TryAddTransient<UseCases.ApplicationState>();
        services.TryAddTransient<UseCases.Applicant.SubmitApplication>();
        services.TryAddTransient<UseCases.Applicant.ApplicantQueries>();
        services.TryAddTransient<UseCases.Applicant.UploadDocument>();
        services.TryAddTransient<UseCases.Applicant.ResubmitApplication>();
        services.TryAddTransient<UseCases.Applicant.WithdrawApplication>();
        services.TryAddTransient<UseCases.Applicant.LookupApplication>();
        services.TryAddTransient<UseCases.Applicant.ExportApplicationData>();
        services.TryAddTransient<UseCases.Applicant.EraseApplication>();
        services.TryAddTransient<Privacy.PersonalDataEraser>();
        services.TryAddTransient<UseCases.Admin.RunRetention>();
        services.AddOptions<Privacy.RetentionOptions>().BindConfiguration(Privacy.RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddTransient<UseCases.Review.ViewReview>();
        services.TryAddTransient<UseCases.Review.DecideReview>();
        services.TryAddTransient<UseCases.Review.ViewReviewDocument>();
        services.TryAddTransient<UseCases.Review.PreviewReviewDecision>();
        services.TryAddTransient<UseCases.Signing.SigningAccess>();
        services.TryAddTransient<UseCases.Signing.SignatureRecorder>();
        services.TryAddTransient<UseCases.Signing.ViewSigning>();
        services.TryAddTransient<UseCases.Signing.ViewSigningDocument>();
        services.TryAddTransient<UseCases.Signing.RequestOtp>();
        services.TryAddTransient<UseCases.Signing.SignAgreement>();
        services.TryAddTransient<UseCases.Signing.DeclineAgreement>();
        services.TryAddTransient<UseCases.Verification.VerifyAgreement>();
        services.TryAddTransient<UseCases.Admin.AdminQueries>();
        services.TryAddTransient<UseCases.Admin.RemindPendingAction>();
        services.TryAddTransient<UseCases.Admin.ReassignReview>();
        services.TryAddTransient<UseCases.Admin.CancelApplication>();
        services.TryAddTransient<UseCases.Admin.ExportSikp>();
        services.TryAddTransient<UseCases.Admin.RedeliverWebhook>();
        services.TryAddTransient<UseCases.Admin.ImportApplications>();
        services.TryAddTransient<UseCases.Admin.ImportQueries>();
    }
}
