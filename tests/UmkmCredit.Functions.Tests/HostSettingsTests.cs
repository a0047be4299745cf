using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmkmCredit.Api;
using UmkmCredit.Functions.Reminders;
using UmkmCredit.Infrastructure.Scheduling;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Functions.Tests;

/// <summary><c>host.json</c> and <c>local.settings.sample.json</c>: what the Functions host reads before any code runs.</summary>
public sealed partial class HostSettingsTests
{
    private static readonly JsonNode Host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.FunctionsProject, "host.json")))!;

    private static readonly JsonNode Sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")))!;

    private static readonly JsonObject Values = Sample["Values"]!.AsObject();

    [Fact]
    public void HostJson_uses_the_api_prefix_and_the_Azure_Storage_backend_on_the_configured_hub()
    {
        Assert.Equal("2.0", (string?)Host["version"]);
        Assert.Equal(string.Empty, (string?)Host["extensions"]?["http"]?["routePrefix"]); // routes carry "api/" (see FunctionsParityTests)
        var durable = Host["extensions"]?["durableTask"];
        Assert.Equal("%TASKHUB_NAME%", (string?)durable?["hubName"]);
        Assert.Equal("AzureStorage", (string?)durable?["storageProvider"]?["type"]);
        Assert.True(Values.ContainsKey((string)durable!["storageProvider"]!["connectionName"]!), "The storage provider's connection must be in the sample settings.");
        Assert.Equal("Warning", (string?)Host["logging"]?["logLevel"]?["DurableTask.Core"]);
        Assert.Equal("Warning", (string?)Host["logging"]?["logLevel"]?["DurableTask.AzureStorage"]);
    }

    [Fact]
    public void Sample_settings_run_the_isolated_worker_on_Azurite()
    {
        Assert.False((bool)Sample["IsEncrypted"]!);
        Assert.Equal("dotnet-isolated", (string?)Values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", (string?)Values["AzureWebJobsStorage"]);
        Assert.Equal("UseDevelopmentStorage=true", (string?)Values["Storage__ConnectionString"]);
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", (string?)Values["TASKHUB_NAME"]); // Azure Storage task hub name rules
    }

    [Fact]
    public void Sample_settings_define_every_app_setting_that_a_binding_expression_names()
    {
        var expressions = BindingExpression().Matches(Host.ToJsonString())
            .Select(m => m.Groups[1].Value)
            .Concat(FunctionsApp.WithTrigger<Microsoft.Azure.Functions.Worker.TimerTriggerAttribute>()
                .SelectMany(t => BindingExpression().Matches(t.Trigger.Schedule).Select(m => m.Groups[1].Value)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains(ReminderTimerFunction.ScheduleSetting, expressions);
        Assert.Contains(RetentionTimerFunction.ScheduleSetting, expressions);
        Assert.All(expressions, name => Assert.True(Values.ContainsKey(name), $"local.settings.sample.json lacks {name}."));
    }

    [Fact]
    public void Sample_schedule_is_the_servers_schedule_and_parses_as_NCRONTAB()
    {
        var schedule = (string)Values[ReminderTimerFunction.ScheduleSetting]!;

        Assert.Equal(ServerSettings()["Reminders:Schedule"], schedule);
        var next = new SweepSchedule(schedule).Next(new DateTime(2025, 1, 1, 0, 0, 1, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2025, 1, 1, 0, 15, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void Sample_retention_schedule_is_the_servers_and_runs_at_night_in_Kalimantan()
    {
        var schedule = (string)Values[RetentionTimerFunction.ScheduleSetting]!;

        Assert.Equal(ServerSettings()["Retention:Schedule"], schedule);
        var next = new SweepSchedule(schedule).Next(new DateTime(2025, 1, 1, 0, 0, 1, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2025, 1, 1, 19, 0, 0, DateTimeKind.Utc), next); // 03.00 WITA
    }

    [Fact]
    public void Sample_settings_bind_and_validate_the_shared_options()
    {
        // App settings reach the worker as environment variables: "__" is the section separator.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddUmkmCreditApplication()
            .BuildServiceProvider();

        var links = services.GetRequiredService<IOptions<LinksOptions>>().Value;
        var opd = services.GetRequiredService<IOptions<OpdOptions>>().Value;

        Assert.Equal("http://localhost:7071", links.BaseUrl);
        Assert.True(links.SigningKey.Length >= 32);
        Assert.NotEmpty(opd.Reviewers);
        Assert.All(opd.Reviewers.Values.SelectMany(list => list), r => Assert.False(string.IsNullOrWhiteSpace(r.Reviewer.Id)));
    }

    [Fact]
    public void Sample_settings_copy_the_servers_local_defaults()
    {
        var server = ServerSettings();
        var sample = Values.ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);

        foreach (var section in new[] { "Links", "Opd", "Notifications", "Workflow" })
        {
            var expected = server.GetSection(section).AsEnumerable().Where(kv => kv.Value is not null)
                .Select(kv => $"{kv.Key.ToUpperInvariant()}={kv.Value}").Order(StringComparer.Ordinal);
            var actual = sample.Where(kv => kv.Key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
                .Select(kv => $"{kv.Key.ToUpperInvariant()}={kv.Value}").Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    private static IConfigurationRoot ServerSettings() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server", "appsettings.json"))
        .Build();

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex BindingExpression();
}
