using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmkmCredit.Infrastructure.Notifications;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure;

/// <summary>Registers the storage and notification adapters of the workflow's ports.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Adds Blob/Table adapters and the notifier chosen by configuration.</summary>
    public static IServiceCollection AddUmkmCreditInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || (o.BlobServiceUri is not null && o.TableServiceUri is not null),
                "Storage needs ConnectionString, or BlobServiceUri and TableServiceUri for identity-based access.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddOptions<Scheduling.ReminderOptions>().BindConfiguration(Scheduling.ReminderOptions.Section)
            .Validate(o => Scheduling.SweepSchedule.IsValid(o.Schedule), "Reminders:Schedule must be an NCRONTAB expression (six fields, seconds first, or five).")
            .ValidateOnStart();
        services.AddOptions<UmkmCredit.Workflow.Privacy.RetentionOptions>()
            .Validate(o => Scheduling.SweepSchedule.IsValid(o.Schedule), "Retention:Schedule must be an NCRONTAB expression (six fields, seconds first, or five).")
            .ValidateOnStart();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<StorageClients>());

        // Containers and tables exist before anything else starts (hosted services start in registration order).
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<IApplicationRepository, BlobApplicationRepository>();
        services.AddSingleton<IDocumentRepository, BlobDocumentRepository>();
        services.AddSingleton<IAuditTrail, BlobAuditTrail>();
        services.AddSingleton<IApplicationIndex, TableApplicationIndex>();
        services.AddSingleton<ILinkStore, TableLinkStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<INikClaims, TableNikClaims>();
        services.AddSingleton<IPersonalDataStore, StoragePersonalDataStore>();
        services.AddSingleton<UmkmCredit.Workflow.Agreements.IAgreementArchive, BlobAgreementArchive>();
        services.AddSingleton<UmkmCredit.Workflow.Agreements.IAgreementNumbers, TableAgreementNumbers>();
        services.AddSingleton<IApplicationReferences, TableApplicationReferences>();
        services.AddSingleton<UmkmCredit.Workflow.Agreements.IOtpStore, TableOtpStore>();
        services.AddSingleton<UmkmCredit.Workflow.Reminders.IReminderLedger, TableReminderLedger>();
        services.AddSingleton<UmkmCredit.Workflow.Webhooks.IWebhookLog, TableWebhookLog>();
        services.AddSingleton<UmkmCredit.Workflow.Webhooks.IWebhookSender, Webhooks.HttpWebhookSender>();
        services.AddHttpClient(Webhooks.HttpWebhookSender.ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<UmkmCredit.Workflow.Webhooks.WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.AddSingleton<UmkmCredit.Workflow.Imports.IImportStore, ImportStore>();
        services.AddSingleton<IWhatsAppSender, CloudApiWhatsAppSender>();
        services.AddHttpClient(CloudApiWhatsAppSender.ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<UmkmCredit.Workflow.Notifications.WhatsAppOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.AddSingleton<PickupDirectoryNotifier>();
        services.AddSingleton<SmtpNotifier>();
        Signatures.SignatureServiceCollectionExtensions.AddUmkmCreditSignatures(services);
        services.AddSingleton<INotifier>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Smtp.Host)
                ? sp.GetRequiredService<PickupDirectoryNotifier>()
                : sp.GetRequiredService<SmtpNotifier>());
        return services;
    }
}
