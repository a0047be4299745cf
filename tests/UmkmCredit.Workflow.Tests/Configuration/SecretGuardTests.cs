using Microsoft.Extensions.Configuration;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Tests.Configuration;

/// <summary>The pure rules of <see cref="SecretGuard"/> (the start-up behaviour is tested on the server).</summary>
public sealed class SecretGuardTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    private static readonly (string, string?)[] _good =
    [
        ("Links:SigningKey", "a-real-signing-key-0123456789abcdef012345"),
        ("Admin:ApiKey", "a-real-admin-key-0123456789abcdef0123456789"),
        ("Notifications:Smtp:Host", "smtp.azurecomm.net"),
    ];

    [Fact]
    public void Good_configuration_has_no_problem_and_Development_needs_nothing_but_resolved_references()
    {
        Assert.Empty(SecretGuard.Check(Config(_good), development: false));
        Assert.Empty(SecretGuard.Check(Config(), development: true));
        Assert.NotEmpty(SecretGuard.Check(Config(), development: false));
    }

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("   ", "is blank")]
    [InlineData("0123456789012345678901234567890", "is shorter than 32 characters")]
    [InlineData("my-key-change-me-0123456789abcdef0123456789", "is the published sample value")]
    [InlineData("local-admin-key", "is the published sample value")]
    public void Weak_keys_are_described(string? value, string expected)
    {
        Assert.Equal(expected, SecretGuard.KeyProblem(value));
    }

    [Fact]
    public void A_32_character_key_is_accepted()
    {
        Assert.Null(SecretGuard.KeyProblem(new string('k', 32)));
        Assert.NotNull(SecretGuard.KeyProblem(new string('k', 31)));
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)", true)]
    [InlineData("  @microsoft.keyvault(VaultName=kv;SecretName=x)", true)]
    [InlineData("key-mentioning-@Microsoft.KeyVault(-in-the-middle-0123", false)]
    [InlineData(null, false)]
    public void Key_Vault_references_are_recognised(string? value, bool expected)
    {
        Assert.Equal(expected, SecretGuard.IsKeyVaultReference(value));
    }

    [Fact]
    public void Any_setting_with_an_unresolved_reference_is_named_even_one_the_guard_does_not_know()
    {
        var problems = SecretGuard.Check(Config([.. _good, ("Signing:Certificate:Password", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/pfx)")]), development: true);

        Assert.Single(problems);
        Assert.StartsWith("Signing:Certificate:Password (app setting Signing__Certificate__Password) still holds an unresolved Key Vault reference", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_sample_key_is_known_as_a_sample()
    {
        // The values this repository publishes (appsettings.json, local.settings.sample.json) must never pass outside Development.
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server", "appsettings.json"))
            .Build();
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")))!["Values"]!;
        var values = new[] { shipped["Links:SigningKey"], shipped["Admin:ApiKey"], (string?)sample["Links__SigningKey"], (string?)sample["Admin__ApiKey"] }
            .Where(v => v is not null).ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal("is the published sample value", SecretGuard.KeyProblem(v)));
    }
}
