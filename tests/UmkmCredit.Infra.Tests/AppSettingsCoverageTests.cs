using System.Text.Json.Nodes;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Infra.Tests;

/// <summary>No drift between what the app reads and what infra/app/function.bicep sets.</summary>
public sealed class AppSettingsCoverageTests
{
    private static readonly string[] _secretSettings = ["Links__SigningKey", "Admin__ApiKey", "Notifications__Smtp__Password"];

    [Fact]
    public void RequiredSettings_AreDerivedFromCodeAndConfig()
    {
        var required = RequiredSettings.Derive();

        // Spot checks that each derivation source contributes (so an empty derivation cannot pass the coverage test).
        Assert.Contains("local.settings.sample.json", required["Links__BaseUrl"], StringComparison.Ordinal);
        Assert.Contains("binding", required["REMINDERS_SCHEDULE"], StringComparison.Ordinal);
        Assert.Contains("host.json", required["TASKHUB_NAME"], StringComparison.Ordinal);
        Assert.Contains("host.json connectionName", required["AzureWebJobsStorage"], StringComparison.Ordinal);
        Assert.Contains("[Required] LinksOptions.SigningKey", required["Links__SigningKey"], StringComparison.Ordinal);
        Assert.True(required.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Contains(required.Keys, k => k.StartsWith("Opd__Reviewers__6571__0__", StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_CoverEveryRequiredKey()
    {
        var declared = DeclaredSettings.Load();
        var connections = RequiredSettings.ConnectionNames();

        var missing = RequiredSettings.Derive()
            .Where(r => !RequiredSettings.NotInAzure.ContainsKey(r.Key) && !declared.Covers(r.Key, connections))
            .Select(r => $"{r.Key} (from {r.Value})")
            .ToList();

        Assert.True(missing.Count == 0, "infra/app/function.bicep does not set:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Coverage_ReportsAKeyTheBicepDoesNotSet()
    {
        var declared = DeclaredSettings.Load();

        Assert.False(declared.Covers("Signing__Deadline", []));
        Assert.False(declared.Covers("Opd__Approvers__6501__Id", []));
        Assert.False(declared.Covers("AzureWebJobsStorage", []));
        Assert.True(declared.Covers("AzureWebJobsStorage", ["AzureWebJobsStorage"]));
        Assert.True(declared.Covers("Opd__Reviewers__6504__0__Supervisor__Email", []));
    }

    [Theory]
    [InlineData("Opd__Reviewers__", "opdReviewers")]
    [InlineData("Opd__Signers__", "opdSigners")]
    [InlineData("Bank__Signers__", "bankSigners")]
    public void PerRegencyParameter_HoldsEveryRegencyAndFieldTheAppNeeds(string prefix, string parameterName)
    {
        var parameter = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraRoot, "main.parameters.json")))!["parameters"]![parameterName]!["value"]!.AsObject();
        var keys = RequiredSettings.Derive().Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            // e.g. Opd__Reviewers__6501__0__Reviewer__Id -> opdReviewers["6501"][0]["reviewer"]["id"]
            JsonNode? node = parameter;
            foreach (var part in key[prefix.Length..].Split("__"))
            {
                node = node switch
                {
                    JsonArray array when int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                    JsonObject obj => obj.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.OrdinalIgnoreCase)).Value,
                    _ => null,
                };
            }

            Assert.True(node is JsonValue value && !string.IsNullOrWhiteSpace(value.ToString()), $"main.parameters.json {parameterName} lacks {key}");
        }

        Assert.Equal(["6501", "6502", "6503", "6504", "6571"], parameter.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Secrets_AreKeyVaultReferences()
    {
        var declared = DeclaredSettings.Load();

        Assert.All(_secretSettings, key =>
            Assert.StartsWith("'@Microsoft.KeyVault(SecretUri=", declared.Literal[key], StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_OmitWhatFlexConsumptionRejects_AndUseIdentityForStorage()
    {
        var declared = DeclaredSettings.Load();

        Assert.False(declared.Literal.ContainsKey("FUNCTIONS_WORKER_RUNTIME"));
        Assert.False(declared.Literal.ContainsKey("FUNCTIONS_EXTENSION_VERSION"));
        Assert.False(declared.Literal.ContainsKey("WEBSITE_RUN_FROM_PACKAGE"));
        Assert.Equal("'managedidentity'", declared.Literal["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain(declared.Literal.Values, v => v.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void LocalSettingsSample_TargetsTheIsolatedWorker()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")))!;

        Assert.Equal("dotnet-isolated", (string?)sample["Values"]!["FUNCTIONS_WORKER_RUNTIME"]);
    }
}
