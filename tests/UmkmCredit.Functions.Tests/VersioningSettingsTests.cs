using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmkmCredit.Server;
using UmkmCredit.Server.Engine;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Functions.Tests;

/// <summary>Both hosts stamp new instances with the same workflow version and run older ones (README "Changing the workflow safely").</summary>
public sealed class VersioningSettingsTests
{
    private static readonly JsonNode Durable = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.FunctionsProject, "host.json")))!["extensions"]!["durableTask"]!;

    [Fact]
    public void HostJson_stamps_the_current_version_and_runs_older_instances_leaving_newer_ones()
    {
        Assert.Equal(WorkflowVersions.Current, (string?)Durable["defaultVersion"]);
        Assert.Equal("CurrentOrOlder", (string?)Durable["versionMatchStrategy"]);
        Assert.Equal("Reject", (string?)Durable["versionFailureStrategy"]);
    }

    [Fact]
    public void HostJson_refuses_a_start_that_meets_a_live_instance_like_the_server()
    {
        // The extension ignores a request's dedupe statuses and applies this setting instead (InstanceStarts).
        Assert.Equal("NonRunningStates", (string?)Durable["overridableExistingInstanceStates"]);
        Assert.Equal(
            [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
            InstanceStarts.Alive);
    }

    [Fact]
    public void The_server_defaults_to_the_version_of_host_json()
    {
        Assert.Equal((string?)Durable["defaultVersion"], new EngineOptions().Version);
        var appsettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server", "appsettings.json")).Build();
        Assert.Null(appsettings["Durable:Version"]); // the default comes from the code, so a deployment of new code stamps its version
    }

    [Fact]
    public async Task Durable_Version_drives_the_servers_worker_and_client()
    {
        await using var app = BuildServer(WorkflowVersions.V1);

        var worker = app.Services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).Versioning!;
        var client = app.Services.GetRequiredService<IOptionsMonitor<DurableTaskClientOptions>>().Get(Options.DefaultName);

        Assert.Equal(WorkflowVersions.V1, worker.Version);
        Assert.Equal(WorkflowVersions.V1, worker.DefaultVersion);
        Assert.Equal(DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder, worker.MatchStrategy);
        Assert.Equal(DurableTaskWorkerOptions.VersionFailureStrategy.Reject, worker.FailureStrategy);
        Assert.Equal(WorkflowVersions.V1, client.DefaultVersion);
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("2")]
    [InlineData("v2")]
    public async Task A_version_this_build_does_not_know_is_refused(string version)
    {
        await using var app = BuildServer(version);

        var refused = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<EngineOptions>>().Value);
        Assert.Contains("Durable:Version", refused.Message, StringComparison.Ordinal);
    }

    private static WebApplication BuildServer(string version)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:BaseUrl"] = "http://localhost:7071",
            ["Links:SigningKey"] = "versioning-test-signing-key-0123456789abcdef",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Durable:Backend"] = "InMemory",
            ["Durable:Version"] = version,
            ["Opd:Reviewers:6571:0:Reviewer:Id"] = "reviewer",
            ["Opd:Reviewers:6571:0:Reviewer:Name"] = "Reviewer",
            ["Opd:Reviewers:6571:0:Reviewer:Email"] = "reviewer@example.test",
        });
        builder.AddUmkmCreditServer();
        return builder.Build();
    }
}
