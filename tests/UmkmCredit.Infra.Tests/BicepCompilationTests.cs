using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Infra.Tests;

/// <summary>Every Bicep file compiles with the CLI from NuGet, with no error and no linter warning; the main facts of issue 8 hold.</summary>
public sealed partial class BicepCompilationTests
{
    public static TheoryData<string> BicepFiles() => [.. Bicep.Files()];

    [Fact]
    public void Infra_HasTheAzdLayout()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "azure.yaml")));
        Assert.Contains("infra/main.bicep", Bicep.Files());
        Assert.True(File.Exists(Path.Combine(Bicep.InfraRoot, "main.parameters.json")));
        Assert.Contains(Bicep.Files(), f => f.StartsWith("infra/app/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Build_EveryBicepFile_CompilesWithoutDiagnostics(string file)
    {
        var (code, stdout, stderr) = Bicep.Run("build", file, "--stdout");

        Assert.True(code == 0, $"bicep build {file} exited {code}:\n{stderr}");
        // Linter warnings and compiler warnings both go to stderr.
        Assert.True(string.IsNullOrWhiteSpace(stderr), $"bicep build {file} reported diagnostics:\n{stderr}");
        Assert.NotNull(JsonNode.Parse(stdout)?["resources"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lint_EveryBicepFile_HasNoWarnings(string file)
    {
        var (code, _, stderr) = Bicep.Run("lint", file);

        Assert.True(code == 0 && string.IsNullOrWhiteSpace(stderr), $"bicep lint {file} exited {code}:\n{stderr}");
    }

    [Fact]
    public void Bicep_UsesNoRegistryModules()
    {
        foreach (var file in Bicep.Files())
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
            Assert.DoesNotMatch(RegistryModule(), text);
        }
    }

    [Fact]
    public void MainParameters_SupplyEveryParameterWithoutDefault()
    {
        var template = Bicep.Build("infra/main.bicep");
        var supplied = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraRoot, "main.parameters.json")))!["parameters"]!.AsObject();

        var required = template["parameters"]!.AsObject().Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.Contains("environmentName", required);
        Assert.All(required, name => Assert.True(supplied.ContainsKey(name), $"main.parameters.json does not supply '{name}'"));
        Assert.All(supplied.Select(p => p.Key), name => Assert.True(template["parameters"]!.AsObject().ContainsKey(name), $"main.parameters.json supplies unknown '{name}'"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)supplied["environmentName"]!["value"]);
        Assert.StartsWith("${AZURE_LOCATION", (string?)supplied["location"]!["value"], StringComparison.Ordinal); // ${AZURE_LOCATION=<default>}
    }

    [Fact]
    public void Main_IsSubscriptionScoped_WithResourceTokenAndEnvTag()
    {
        var text = File.ReadAllText(Path.Combine(Bicep.InfraRoot, "main.bicep"));

        Assert.Contains("targetScope = 'subscription'", text, StringComparison.Ordinal);
        Assert.Contains("uniqueString(subscription().id, environmentName, location)", text, StringComparison.Ordinal);
        Assert.Contains("'azd-env-name': environmentName", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_IsFlexConsumption_DotnetIsolated10_WithUserAssignedIdentity()
    {
        var text = File.ReadAllText(Path.Combine(Bicep.InfraRoot, "app", "function.bicep"));

        Assert.Contains("tier: 'FlexConsumption'", text, StringComparison.Ordinal);
        Assert.Contains("name: 'FC1'", text, StringComparison.Ordinal);
        Assert.Matches(@"runtime:\s*\{\s*name: 'dotnet-isolated'\s*version: '10.0'", text);
        Assert.Contains("type: 'UserAssigned'", text, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name': serviceName", text, StringComparison.Ordinal);
        Assert.Contains("serviceName string = 'api'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_HasNoSharedKeys_TheAppContainersAndTables_AndWormOnAgreementsAndAudit()
    {
        var text = File.ReadAllText(Path.Combine(Bicep.InfraRoot, "app", "storage.bicep"));

        Assert.Contains("allowSharedKeyAccess: false", text, StringComparison.Ordinal);
        Assert.All(StorageNames.Containers, c => Assert.Contains($"'{c}'", text, StringComparison.Ordinal));
        Assert.All(StorageNames.Tables, t => Assert.Contains($"'{t}'", text, StringComparison.Ordinal));
        Assert.Contains($"/default/{StorageNames.Agreements}/default'", text, StringComparison.Ordinal);
        Assert.Contains($"/default/{StorageNames.Audit}/default'", text, StringComparison.Ordinal);
        Assert.Equal(2, ImmutabilityPolicy().Count(text));
    }

    [Fact]
    public void RoleAssignments_EachCarryACommentSayingWhy()
    {
        var lines = File.ReadAllLines(Path.Combine(Bicep.InfraRoot, "app", "rbac.bicep"));
        var assignments = lines.Select((line, index) => (line, index))
            .Where(l => l.line.StartsWith("resource ", StringComparison.Ordinal) && l.line.Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal))
            .ToList();

        Assert.True(assignments.Count >= 5, "expected the app identity's storage, Key Vault and monitoring roles");
        Assert.All(assignments, a => Assert.StartsWith("//", lines[a.index - 1].TrimStart(), StringComparison.Ordinal));
        Assert.Contains("storageQueueDataContributor", string.Join('\n', lines), StringComparison.Ordinal);
        Assert.Contains("storageTableDataContributor", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"'br[:/]|'ts[:/]")]
    private static partial Regex RegistryModule();

    [GeneratedRegex(@"containers/immutabilityPolicies@")]
    private static partial Regex ImmutabilityPolicy();
}
