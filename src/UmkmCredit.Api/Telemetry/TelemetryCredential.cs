using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace UmkmCredit.Api.Telemetry;

/// <summary>
/// The credential of the Azure Monitor exporter when Application Insights accepts Entra-authenticated ingestion
/// only (local auth off): <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> = <c>ClientId=&lt;id&gt;;Authorization=AAD</c>,
/// the same setting the Functions host reads. Null = the connection string's key (local auth).
/// </summary>
public static class TelemetryCredential
{
    /// <summary>The setting both the Functions host and the worker read.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>A managed-identity credential for the configured client id, or null.</summary>
    public static TokenCredential? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var parts = (configuration[AuthenticationStringSetting] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
