using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Agreements;

namespace UmkmCredit.Infrastructure.Signatures;

/// <summary>Registers the PDF signature adapters.</summary>
public static class SignatureServiceCollectionExtensions
{
    /// <summary>Signing keys, time-stamp authorities, the provider chosen by <c>Signing:Provider</c>, the seal and the stamp duty.</summary>
    public static IServiceCollection AddUmkmCreditSignatures(this IServiceCollection services)
    {
        services.AddOptions<DocumentSigningOptions>().BindConfiguration(DocumentSigningOptions.Section)
            .Validate(o => string.Equals(o.Provider, "local", StringComparison.OrdinalIgnoreCase), "Signing:Provider: only 'local' is built in; a PSrE adapter registers its own ISignatureProvider.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeys>();
        services.TryAddSingleton<LocalTimeStampEndpoint>();
        services.TryAddSingleton<TimeStampAuthorities>();
        services.TryAddSingleton<LocalSignatureProvider>();
        services.TryAddSingleton<ISignatureProvider>(sp => sp.GetRequiredService<IOptions<DocumentSigningOptions>>().Value.Provider.ToLowerInvariant() switch
        {
            _ => sp.GetRequiredService<LocalSignatureProvider>(),
        });
        services.TryAddSingleton<IAgreementSeal, ProgrammeSeal>();
        services.TryAddSingleton<IStampDutyProvider, LocalStampDutyProvider>();
        services.TryAddTransient<AgreementSignatureInspection>();
        return services;
    }
}
