using Microsoft.Extensions.Configuration;
using UmkmCredit.Workflow.Links;

namespace UmkmCredit.Workflow.Configuration;

/// <summary>
/// The start-up rules for secrets and the mail channel. Outside <c>Development</c> the hosts refuse to start
/// when <c>Links:SigningKey</c> or <c>Admin:ApiKey</c> is missing, shorter than 32 characters or a published
/// sample, when a previous signing key is weak, or when mail would go to a local pickup folder instead of a
/// relay. In every environment a setting that still holds <c>@Microsoft.KeyVault(</c> is refused: it means
/// the platform could not resolve the reference, and the literal text would otherwise become a key.
/// </summary>
public static class SecretGuard
{
    /// <summary>Shortest accepted key.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>What an unresolved App Service / Functions Key Vault reference starts with.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary><c>Links:SigningKey</c>.</summary>
    public const string SigningKey = "Links:SigningKey";

    /// <summary><c>Links:PreviousSigningKeys</c>.</summary>
    public const string PreviousSigningKeys = "Links:PreviousSigningKeys";

    /// <summary><c>Admin:ApiKey</c>.</summary>
    public const string AdminApiKey = "Admin:ApiKey";

    /// <summary><c>Notifications:Smtp:Host</c>.</summary>
    public const string SmtpHost = "Notifications:Smtp:Host";

    /// <summary><c>Notifications:Smtp:User</c>.</summary>
    public const string SmtpUser = "Notifications:Smtp:User";

    /// <summary><c>Notifications:Smtp:Password</c>.</summary>
    public const string SmtpPassword = "Notifications:Smtp:Password";

    /// <summary>
    /// <c>Notifications:AllowPickupDirectory</c>: <c>true</c> accepts the pickup folder outside Development
    /// (test and benchmark runs that read the outbox). Never set in Azure.
    /// </summary>
    public const string AllowPickupDirectory = "Notifications:AllowPickupDirectory";

    /// <summary>Values that were published in this repository (appsettings.json, local.settings.sample.json, docs).</summary>
    public static IReadOnlyList<string> PublishedSamples { get; } =
    [
        "local-development-signing-key-change-me-0123456789",
        "local-admin-key",
    ];

    /// <summary>Whether <paramref name="value"/> is a published sample or an obvious placeholder.</summary>
    public static bool IsSample(string value) =>
        PublishedSamples.Contains(value.Trim(), StringComparer.Ordinal)
        || value.Contains("change-me", StringComparison.OrdinalIgnoreCase)
        || value.Contains("changeme", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="value"/> is an unresolved Key Vault reference.</summary>
    public static bool IsKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a key value is unusable outside Development; null when it is fine.</summary>
    public static string? KeyProblem(string? value) => value switch
    {
        null or "" => "is missing",
        _ when string.IsNullOrWhiteSpace(value) => "is blank",
        _ when IsKeyVaultReference(value) => null, // reported once, by the Key Vault rule
        _ when IsSample(value) => "is the published sample value",
        _ when value.Trim().Length < MinimumKeyLength => $"is shorter than {MinimumKeyLength} characters",
        _ => null,
    };

    /// <summary>Every problem of <paramref name="configuration"/>; empty = the host may start.</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration, bool development)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();

        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (IsKeyVaultReference(value))
            {
                problems.Add($"{Describe(key)} still holds an unresolved Key Vault reference ({KeyVaultReferencePrefix}...): "
                    + "the app's identity cannot read the secret (role 'Key Vault Secrets User', keyVaultReferenceIdentity, network access) or the secret does not exist.");
            }
        }

        if (development)
        {
            return problems;
        }

        foreach (var key in new[] { SigningKey, AdminApiKey })
        {
            if (KeyProblem(configuration[key]) is { } problem)
            {
                problems.Add($"{Describe(key)} {problem}: set a random value of at least {MinimumKeyLength} characters (e.g. `openssl rand -base64 48`), in Azure through Key Vault.");
            }
        }

        var previous = SigningKeyRing.ParseList(configuration[PreviousSigningKeys]);
        for (var i = 0; i < previous.Count; i++)
        {
            if (KeyProblem(previous[i]) is { } problem)
            {
                problems.Add($"{Describe(PreviousSigningKeys)}: entry {i + 1} {problem}; list only keys that were really used as {SigningKey}.");
            }
        }

        if (string.IsNullOrWhiteSpace(configuration[SmtpHost]))
        {
            if (!string.Equals(configuration[AllowPickupDirectory], "true", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{Describe(SmtpHost)} is empty: outside Development mail must go through an SMTP relay "
                    + "(Azure Communication Services Email or another relay); the pickup folder is for local runs only and every review link and OTP written there would be lost.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(configuration[SmtpUser]) && string.IsNullOrEmpty(configuration[SmtpPassword]))
        {
            problems.Add($"{Describe(SmtpPassword)} is empty while {SmtpUser} is set: the relay would refuse every message.");
        }

        return problems;
    }

    private static string Describe(string key) => $"{key} (app setting {key.Replace(":", "__", StringComparison.Ordinal)})";
}
