using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UmkmCredit.Infrastructure.Notifications;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Infra.Tests;

/// <summary>
/// Issue 19 read off the compiled ARM JSON of infra/main.bicep (offline): who gets which role where, the pipeline's
/// principal type, records that stay protected, mail, Durable on Flex, diagnostics, alerts, budget, the pipeline.
/// </summary>
public sealed partial class OperableTemplateTests
{
    private static readonly Lazy<JsonObject> _main = new(() => Bicep.Build("infra/main.bicep"));

    private static JsonObject Main => _main.Value;

    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    /// <summary>A module's deployment resource (e.g. "rbac").</summary>
    private static JsonObject Module(string name) =>
        Resources(Main).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && ((string?)r["name"] ?? string.Empty).Contains($"'{name}-{{0}}'", StringComparison.Ordinal));

    private static JsonObject ModuleTemplate(string name) => Module(name)["properties"]!["template"]!.AsObject();

    private static IEnumerable<JsonObject> OfType(string module, string type) => Resources(ModuleTemplate(module)).Where(r => (string?)r["type"] == type);

    private static JsonNode? Default(JsonObject template, string parameter) => template["parameters"]![parameter]?["defaultValue"];

    /// <summary>Resolves <c>[variables('x')]</c> to the variable's value (the only indirection the modules use for properties).</summary>
    private static JsonNode? Resolve(JsonObject template, JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && VariableReference().Match(s) is { Success: true } m
            ? template["variables"]![m.Groups[1].Value]
            : node;

    private static readonly System.Text.Json.JsonSerializerOptions _plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A node as JSON text with ARM's quotes and apostrophes unescaped (for substring checks).</summary>
    private static string Text(JsonNode? node) => node?.ToJsonString(_plain) ?? string.Empty;

    [Fact]
    public void PrincipalType_IsAParameter_UserLocally_ServicePrincipalInThePipeline()
    {
        var parameter = Main["parameters"]!["principalType"]!;
        Assert.Equal("User", (string?)parameter["defaultValue"]);
        Assert.Contains("ServicePrincipal", Text(parameter["allowedValues"]), StringComparison.Ordinal);
        Assert.Equal("[parameters('principalType')]", (string?)Module("rbac")["properties"]!["parameters"]!["principalType"]!["value"]);

        var assignments = OfType("rbac", "Microsoft.Authorization/roleAssignments").ToList();
        var toUser = assignments.Where(a => Text(a["properties"]!["principalId"]).Contains("userPrincipalId", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(toUser);
        Assert.All(toUser, a => Assert.Equal("[parameters('principalType')]", (string?)a["properties"]!["principalType"]));
        Assert.DoesNotContain(assignments, a => (string?)a["properties"]!["principalType"] == "User");

        var parametersFile = File.ReadAllText(Path.Combine(Bicep.InfraRoot, "main.parameters.json"));
        Assert.Contains("${AZURE_PRINCIPAL_TYPE=User}", parametersFile, StringComparison.Ordinal);
        var pipeline = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "azure-dev.yml"));
        Assert.Equal(2, Regex.Count(pipeline, @"AZURE_PRINCIPAL_TYPE: ServicePrincipal"));
    }

    [Fact]
    public void App_ReadsSecrets_AndWritesOnlyTheHostKeysVault()
    {
        var appAssignments = OfType("rbac", "Microsoft.Authorization/roleAssignments")
            .Where(a => (string?)a["properties"]!["principalId"] == "[parameters('appPrincipalId')]")
            .Select(a => (Role: Text(a["properties"]!["roleDefinitionId"]), Scope: (string?)a["scope"] ?? string.Empty))
            .ToList();
        var roles = Resolve(ModuleTemplate("rbac"), JsonValue.Create("[variables('roles')]"))!.AsObject();
        string RoleKey(string guid) => roles.Single(r => (string?)r.Value == guid).Key;

        var secretsUser = appAssignments.Single(a => a.Role.Contains(RoleKey(KeyVaultSecretsUser), StringComparison.Ordinal));
        Assert.Contains("parameters('keyVaultName')", secretsUser.Scope, StringComparison.Ordinal);

        var officer = appAssignments.Single(a => a.Role.Contains(RoleKey(KeyVaultSecretsOfficer), StringComparison.Ordinal));
        Assert.Contains("parameters('hostKeysVaultName')", officer.Scope, StringComparison.Ordinal);
        Assert.DoesNotContain("parameters('keyVaultName')", officer.Scope, StringComparison.Ordinal);

        Assert.Contains(appAssignments, a => a.Role.Contains(RoleKey(MonitoringMetricsPublisher), StringComparison.Ordinal) && a.Scope.Contains("Microsoft.Insights/components", StringComparison.Ordinal));
        Assert.All(appAssignments, a => Assert.Contains("resourceId(", a.Scope, StringComparison.Ordinal)); // never subscription- or group-wide

        // The host stores its keys in the second vault; secrets are references into the first.
        var settings = Text(AppSettings());
        Assert.Contains("hostKeysVaultUri", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void AgreementSigning_GrantsExactlySignAndCertificateRead_OnTheAppVault_AndWiresTheKeyId()
    {
        var role = OfType("rbac", "Microsoft.Authorization/roleDefinitions").Single(r => Text(r["name"]).Contains("umkmcredit-agreement-signer", StringComparison.Ordinal));
        Assert.Contains("agreementSigning", Text(role["condition"]), StringComparison.Ordinal);
        var permissions = role["properties"]!["permissions"]!.AsArray().Single()!.AsObject();
        Assert.Null(permissions["actions"]);
        Assert.Equal(
            ["Microsoft.KeyVault/vaults/certificates/read", "Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/sign/action"],
            permissions["dataActions"]!.AsArray().Select(x => (string)x!).Order(StringComparer.Ordinal).ToArray());

        var assignment = OfType("rbac", "Microsoft.Authorization/roleAssignments").Single(a => Text(a["name"]).Contains("umkmcredit-agreement-signer", StringComparison.Ordinal));
        Assert.Contains("parameters('keyVaultName')", (string?)assignment["scope"] ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("[parameters('appPrincipalId')]", (string?)assignment["properties"]!["principalId"]);
        Assert.Contains("agreementSigning", Text(Module("rbac")["properties"]!["parameters"]), StringComparison.Ordinal);

        var settings = Text(ModuleTemplate("function")["variables"]!["agreementSigningSettings"]);
        Assert.Contains("Signing__Certificate__KeyVaultKeyId", settings, StringComparison.Ordinal);
        Assert.Contains("Signing__TimestampUrl", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyVaults_HavePurgeProtection_AndSoftDelete()
    {
        var template = ModuleTemplate("keyVault");
        var vaults = OfType("keyVault", "Microsoft.KeyVault/vaults").ToList();

        Assert.Equal(2, vaults.Count);
        Assert.All(vaults, v =>
        {
            var properties = Resolve(template, v["properties"])!;
            Assert.True((bool?)properties["enablePurgeProtection"]);
            Assert.True((bool?)properties["enableSoftDelete"]);
            Assert.True((bool?)properties["enableRbacAuthorization"]);
        });
    }

    [Fact]
    public void Records_AreLocked_Redundant_AndTheirWormPoliciesSafeToReprovision()
    {
        var locks = OfType("storage", "Microsoft.Authorization/locks").ToList();
        var recordsLock = Assert.Single(locks);
        Assert.Equal("CanNotDelete", (string?)recordsLock["properties"]!["level"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)recordsLock["scope"], StringComparison.Ordinal);
        Assert.True((bool?)Default(Main, "storageDeleteLock"));

        var policies = OfType("storage", "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Equal("[not(parameters('immutabilityPoliciesLocked'))]", (string?)p["condition"]));
        Assert.False((bool?)Default(Main, "immutabilityPoliciesLocked"));
        Assert.Equal("[parameters('immutabilityPoliciesLocked')]", (string?)Module("storage")["properties"]!["parameters"]!["immutabilityPoliciesLocked"]!["value"]);

        Assert.Equal("Standard_ZRS", (string?)Default(Main, "storageSkuName"));
        Assert.Contains("Standard_GZRS", Text(Main["parameters"]!["storageSkuName"]!["allowedValues"]), StringComparison.Ordinal);
        Assert.Equal("Standard_GZRS", EnvFile("prod")["STORAGE_SKU_NAME"]);
    }

    [Fact]
    public void Diagnostics_SendStorageKeyVaultAndAppLogsToLogAnalytics()
    {
        var settings = OfType("diagnostics", "Microsoft.Insights/diagnosticSettings").ToList();
        string Scope(JsonObject s) => (string?)s["scope"] ?? string.Empty;

        foreach (var service in new[] { "blobServices", "queueServices", "tableServices" })
        {
            var setting = Assert.Single(settings, s => Scope(s).Contains(service, StringComparison.Ordinal));
            var categories = Text(Resolve(ModuleTemplate("diagnostics"), setting["properties"]!["logs"]));
            Assert.Contains("StorageRead", categories, StringComparison.Ordinal);
            Assert.Contains("StorageWrite", categories, StringComparison.Ordinal);
            Assert.Contains("StorageDelete", categories, StringComparison.Ordinal);
        }

        var vault = Assert.Single(settings, s => Scope(s).Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal));
        Assert.NotNull(vault["copy"]); // one per vault
        Assert.Contains("AuditEvent", Text(vault["properties"]!["logs"]), StringComparison.Ordinal);
        Assert.Contains(settings, s => Scope(s).Contains("Microsoft.Web/sites", StringComparison.Ordinal) && Text(s["properties"]!["logs"]).Contains("FunctionAppLogs", StringComparison.Ordinal));
        Assert.All(settings, s => Assert.Equal("[parameters('workspaceId')]", (string?)s["properties"]!["workspaceId"]));
    }

    [Fact]
    public void Monitoring_LocalAuthOff_AlertsAndBudget()
    {
        Assert.True((bool?)Default(ModuleTemplate("monitoring"), "disableLocalAuth"));
        Assert.Contains("ClientId=", Text(AppSettings()), StringComparison.Ordinal); // APPLICATIONINSIGHTS_AUTHENTICATION_STRING

        var alerts = Text(Resolve(ModuleTemplate("alerts"), JsonValue.Create("[variables('alerts')]")));
        foreach (var name in new[] { "failed-orchestrations", "http-5xx-rate", "reminder-sweep-not-running", "overdue-reviews" })
        {
            Assert.Contains($"\"{name}\"", alerts, StringComparison.Ordinal);
        }

        Assert.Contains("Reminder sweep:", alerts, StringComparison.Ordinal); // the log line both hosts write per run
        Assert.Single(OfType("alerts", "Microsoft.Insights/scheduledQueryRules"));
        Assert.Single(OfType("budget", "Microsoft.Consumption/budgets"));
    }

    [Fact]
    public void DurableOnFlex_HasAnAlwaysReadyDurableInstance_FastPolling_AndAProvincialInstanceCap()
    {
        var site = OfType("function", "Microsoft.Web/sites").Single();
        var scale = Text(site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]);
        Assert.Contains("'durable'", scale, StringComparison.Ordinal);
        Assert.Contains("alwaysReadyDurableInstances", scale, StringComparison.Ordinal);
        Assert.True((int?)Default(Main, "alwaysReadyDurableInstances") >= 1);
        Assert.True(int.Parse(EnvFile("prod")["ALWAYS_READY_DURABLE_INSTANCES"], CultureInfo.InvariantCulture) >= 1);

        var polling = TimeSpan.Parse((string)Default(Main, "maxQueuePollingInterval")!, CultureInfo.InvariantCulture);
        Assert.InRange(polling, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Contains("AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval", Text(AppSettings()), StringComparison.Ordinal);

        Assert.InRange((int)Default(Main, "maximumInstanceCount")!, 1, 20);
        Assert.Contains("maximumInstanceCount", Text(site["properties"]!["functionAppConfig"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Mail_GoesThroughAcsOrARelay_NeverThePickupFolder()
    {
        Assert.Equal("AzureCommunicationServices", (string?)Default(Main, "mailProvider"));
        var acs = Resources(ModuleTemplate("communication")).Select(r => (string?)r["type"]).ToList();
        Assert.Contains("Microsoft.Communication/emailServices", acs);
        Assert.Contains("Microsoft.Communication/emailServices/domains", acs);
        Assert.Contains("Microsoft.Communication/communicationServices", acs);
        Assert.Contains("Microsoft.Communication/communicationServices/smtpUsernames", acs);
        Assert.Contains("smtp.azurecomm.net", Text(ModuleTemplate("communication")["outputs"]), StringComparison.Ordinal);

        // function.bicep requires a host (the app refuses to start without one outside Development).
        Assert.Equal(1, (int?)ModuleTemplate("function")["parameters"]!["smtpHost"]!["minLength"]);
        Assert.Contains("communication", Text(Module("function")["properties"]!["parameters"]!["smtpHost"]), StringComparison.Ordinal);
        var declared = DeclaredSettings.Load();
        Assert.Equal("smtpSecurity", declared.Literal["Notifications__Smtp__Security"]);
        Assert.False(declared.Literal.ContainsKey("Notifications__PickupDirectory"));
        Assert.False(declared.Literal.ContainsKey(SecretGuard.AllowPickupDirectory.Replace(":", "__", StringComparison.Ordinal)));
    }

    [Fact]
    public void DeclaredSettings_UnderLinksAndSmtp_AreReadByTheCode()
    {
        // Reverse drift: a setting the Bicep writes must be a property the app binds.
        var declared = DeclaredSettings.Load(File.ReadAllText(Path.Combine(Bicep.InfraRoot, "app", "function.bicep")));
        var checks = new (string Prefix, Type Options)[] { ("Links__", typeof(LinksOptions)), ("Notifications__Smtp__", typeof(SmtpOptions)) };
        foreach (var (prefix, options) in checks)
        {
            var keys = declared.Literal.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, k => Assert.NotNull(options.GetProperty(k[prefix.Length..])));
        }

        Assert.StartsWith("'@Microsoft.KeyVault(SecretUri=", declared.Literal["Links__PreviousSigningKeys"], StringComparison.Ordinal);
    }

    [Fact]
    public void Region_DefaultsToAFlexConsumptionRegion()
    {
        var location = (string?)Default(Main, "location");
        Assert.Equal("southeastasia", location);
        Assert.DoesNotContain("indonesiacentral", File.ReadAllText(Path.Combine(Bicep.InfraRoot, "main.parameters.json")), StringComparison.Ordinal);
        Assert.All(new[] { "dev", "prod" }, env => Assert.Equal(location, EnvFile(env)["AZURE_LOCATION"]));
    }

    [Fact]
    public void OptionalNetworkAndFrontDoor_AreParameters_WithPrivateEndpointsAndRateLimits()
    {
        Assert.False((bool?)Default(Main, "vnetEnabled"));
        Assert.False((bool?)Default(Main, "frontDoorEnabled"));
        Assert.Equal("[parameters('vnetEnabled')]", (string?)Module("network")["condition"]);
        Assert.Equal("[parameters('frontDoorEnabled')]", (string?)Module("frontDoor")["condition"]);
        Assert.Contains(Resources(ModuleTemplate("network")), r => (string?)r["type"] == "Microsoft.Network/privateEndpoints");

        var waf = OfType("frontDoor", "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies").Single();
        var rules = waf["properties"]!["customRules"]!["rules"]!.AsArray();
        Assert.True(rules.Count >= 3);
        Assert.All(rules, r =>
        {
            Assert.Equal("RateLimitRule", (string?)r!["ruleType"]);
            Assert.Contains("SocketAddr", Text(r["groupBy"]), StringComparison.Ordinal);
        });
        Assert.Contains("AzureFrontDoor.Backend", Text(ModuleTemplate("frontDoor")), StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentFiles_OnlySetParametersTheTemplateMaps()
    {
        var parametersFile = File.ReadAllText(Path.Combine(Bicep.InfraRoot, "main.parameters.json"));
        foreach (var env in new[] { "dev", "prod" })
        {
            var values = EnvFile(env);
            Assert.NotEmpty(values);
            Assert.All(values.Keys, key => Assert.Matches(@"\$\{" + Regex.Escape(key) + @"(=[^}]*)?\}", parametersFile));
            Assert.DoesNotContain(values.Keys, k => k.Contains("KEY", StringComparison.Ordinal) || k.Contains("PASSWORD", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Pipeline_UsesOidc_ProvisionsAndDeploys_WithApprovalForProduction_AndCiRunsTheTests()
    {
        var pipeline = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "azure-dev.yml"));
        Assert.Contains("id-token: write", pipeline, StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider github", pipeline, StringComparison.Ordinal);
        Assert.Contains("azd provision --no-prompt", pipeline, StringComparison.Ordinal);
        Assert.Contains("azd deploy --no-prompt", pipeline, StringComparison.Ordinal);
        Assert.Contains("environment: production", pipeline, StringComparison.Ordinal);
        Assert.Contains("needs: dev", pipeline, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret", pipeline, StringComparison.OrdinalIgnoreCase);

        var ci = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "ci.yml"));
        Assert.Contains("bash scripts/test.sh", ci, StringComparison.Ordinal);

        Assert.Contains(".azure/", File.ReadAllLines(Path.Combine(RepoPaths.Root, ".gitignore")));
    }

    /// <summary>The app settings resource's properties (ARM inlines the settings that use run-time values).</summary>
    private static JsonNode AppSettings() =>
        OfType("function", "Microsoft.Web/sites/config").Single()["properties"]!;

    private static Dictionary<string, string> EnvFile(string name) =>
        File.ReadAllLines(Path.Combine(Bicep.InfraRoot, "env", name + ".env"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
