using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using UmkmCredit.Infrastructure.Configuration;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Secrets;

/// <summary>
/// Outside Development the server refuses to start with a missing, short or sample key, an unresolved Key Vault
/// reference or no real mail channel (issue 14 "Secrets", issue 19 "Secrets fail loudly" and "Mail").
/// The builder is the one <see cref="ServerInstance"/> and Program.cs use; one case runs the real process.
/// </summary>
public sealed class StartupGuardTests
{
    private const string StrongSigningKey = "prod-signing-key-5f0c1d7e9a2b4c6d8e0f1a3b5c7d9e1f";
    private const string StrongAdminKey = "prod-admin-key-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=https://kv-example.vault.azure.net/secrets/links-signing-key)";

    /// <summary>What a correct Production deployment supplies (Key Vault references already resolved).</summary>
    private static Dictionary<string, string?> Production() => new()
    {
        ["Links:SigningKey"] = StrongSigningKey,
        ["Admin:ApiKey"] = StrongAdminKey,
        ["Notifications:Smtp:Host"] = "smtp.azurecomm.net",
        ["Notifications:Smtp:User"] = "umkmcredit-smtp",
        ["Notifications:Smtp:Password"] = "entra-client-secret-value",
    };

    private static UnsafeConfigurationException? Start(string environment, IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server"),
            EnvironmentName = environment,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        try
        {
            builder.AddUmkmCreditServer();
            return null;
        }
        catch (UnsafeConfigurationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public void A_correct_production_configuration_starts()
    {
        Assert.Null(Start("Production", Production()));
    }

    [Theory]
    [InlineData("Links:SigningKey", "", "Links:SigningKey (app setting Links__SigningKey) is missing")]
    [InlineData("Links:SigningKey", "short-key-0123456789", "Links:SigningKey (app setting Links__SigningKey) is shorter than 32 characters")]
    [InlineData("Links:SigningKey", "local-development-signing-key-change-me-0123456789", "Links:SigningKey (app setting Links__SigningKey) is the published sample value")]
    [InlineData("Admin:ApiKey", "", "Admin:ApiKey (app setting Admin__ApiKey) is missing")]
    [InlineData("Admin:ApiKey", "local-admin-key", "Admin:ApiKey (app setting Admin__ApiKey) is the published sample value")]
    [InlineData("Admin:ApiKey", "0123456789012345678901234567890", "Admin:ApiKey (app setting Admin__ApiKey) is shorter than 32 characters")]
    [InlineData("Links:PreviousSigningKeys", StrongAdminKey + ",too-short", "Links:PreviousSigningKeys (app setting Links__PreviousSigningKeys): entry 2 is shorter than 32 characters")]
    [InlineData("Links:SigningKey", KeyVaultReference, "Links:SigningKey (app setting Links__SigningKey) still holds an unresolved Key Vault reference")]
    [InlineData("Notifications:Smtp:Password", "@Microsoft.KeyVault(VaultName=kv-example;SecretName=smtp-password)", "Notifications:Smtp:Password (app setting Notifications__Smtp__Password) still holds an unresolved Key Vault reference")]
    [InlineData("Notifications:Smtp:Host", "", "Notifications:Smtp:Host (app setting Notifications__Smtp__Host) is empty")]
    [InlineData("Notifications:Smtp:Password", "", "Notifications:Smtp:Password (app setting Notifications__Smtp__Password) is empty while Notifications:Smtp:User is set")]
    public void Production_refuses_to_start_and_names_the_setting(string key, string value, string expected)
    {
        var settings = Production();
        settings[key] = value;

        var refused = Start("Production", settings);

        Assert.NotNull(refused);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Single(refused.Problems);
        Assert.StartsWith("UmkmCredit refuses to start in environment 'Production':", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var refused = Start("Staging", new Dictionary<string, string?>
        {
            ["Links:SigningKey"] = KeyVaultReference,
            ["Admin:ApiKey"] = "local-admin-key",
            ["Notifications:Smtp:Host"] = "",
        });

        Assert.NotNull(refused);
        Assert.Equal(3, refused.Problems.Count);
        Assert.Contains(refused.Problems, p => p.StartsWith("Links:SigningKey", StringComparison.Ordinal) && p.Contains("Key Vault", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("Admin:ApiKey", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("Notifications:Smtp:Host", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pickup_folder_is_accepted_outside_Development_only_when_allowed_explicitly()
    {
        var settings = Production();
        settings["Notifications:Smtp:Host"] = "";
        Assert.NotNull(Start("Production", settings));

        settings["Notifications:AllowPickupDirectory"] = "true";
        Assert.Null(Start("Production", settings));
    }

    [Fact]
    public void Development_also_refuses_an_unresolved_Key_Vault_reference()
    {
        var refused = Start("Development", new Dictionary<string, string?>
        {
            ["Data:Directory"] = Path.Combine(Path.GetTempPath(), "umkmcredit-guard-" + Guid.NewGuid().ToString("N")),
            ["Admin:ApiKey"] = KeyVaultReference,
        });

        Assert.NotNull(refused);
        Assert.Contains("Admin:ApiKey (app setting Admin__ApiKey) still holds an unresolved Key Vault reference", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_process_exits_with_the_reason_when_started_in_Production_with_the_shipped_defaults()
    {
        // The real executable, as `dotnet run` or a container would start it: appsettings.json's samples, no SMTP.
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "UmkmCredit.Server.dll"), "--contentRoot", Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server") },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Azurite.FreePort()}";
        start.Environment["Notifications__Smtp__Host"] = "";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a safety net, not a timing assertion
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the server kept running in Production with the sample keys");
        }

        var output = await stdout + await stderr;
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("UmkmCredit refuses to start in environment 'Production'", output, StringComparison.Ordinal);
        Assert.Contains("Links:SigningKey (app setting Links__SigningKey) is the published sample value", output, StringComparison.Ordinal);
        Assert.Contains("Admin:ApiKey (app setting Admin__ApiKey) is the published sample value", output, StringComparison.Ordinal);
        Assert.Contains("Notifications:Smtp:Host (app setting Notifications__Smtp__Host) is empty", output, StringComparison.Ordinal);
    }
}
