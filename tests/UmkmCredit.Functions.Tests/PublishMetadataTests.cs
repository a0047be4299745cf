using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using UmkmCredit.Api.Routing;
using UmkmCredit.Functions.Reminders;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so the artefact it would load is the proof: <c>dotnet publish</c>
/// must write <c>functions.metadata</c> with every function of the route table and the catalogue.
/// </summary>
public sealed class PublishMetadataTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(12); // a safety stop for a hung publish, not a speed target

    [Fact]
    public async Task Publish_writes_functions_metadata_with_every_function_and_its_trigger()
    {
        var output = Directory.CreateTempSubdirectory("umkmcredit-functions-publish-");
        try
        {
            var (exitCode, log) = await DotnetAsync(
                "publish", Path.Combine(RepoPaths.FunctionsProject, "UmkmCredit.Functions.csproj"),
                "-c", "Release", "-o", output.FullName, "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(exitCode == 0, $"dotnet publish exited with {exitCode}:\n{Tail(log)}");

            var metadataFile = Path.Combine(output.FullName, "functions.metadata");
            Assert.True(File.Exists(metadataFile), $"No functions.metadata in the publish output:\n{Tail(log)}");
            var functions = JsonNode.Parse(await File.ReadAllTextAsync(metadataFile))!.AsArray()
                .Select(f => f!.AsObject())
                .ToDictionary(f => (string)f["name"]!, StringComparer.Ordinal);

            var expected = ExpectedTriggers();
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), functions.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, (type, check)) in expected)
            {
                var trigger = functions[name]["bindings"]!.AsArray().Select(b => b!.AsObject())
                    .SingleOrDefault(b => ((string?)b["type"])?.EndsWith("Trigger", StringComparison.Ordinal) == true);
                Assert.True(trigger is not null, $"{name} has no trigger binding in functions.metadata.");
                Assert.Equal(type, (string?)trigger["type"]);
                check(trigger);
            }

            var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "host.json")))!;
            Assert.Equal("%TASKHUB_NAME%", (string?)host["extensions"]?["durableTask"]?["hubName"]);
            Assert.False(File.Exists(Path.Combine(output.FullName, "local.settings.json")), "local.settings.json must never be published.");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>Name → trigger binding type and a check of its details, from the shared tables (not from the app itself).</summary>
    private static Dictionary<string, (string Type, Action<JsonObject> Check)> ExpectedTriggers()
    {
        var expected = new Dictionary<string, (string, Action<JsonObject>)>(StringComparer.Ordinal);
        foreach (var route in ApiRoutes.All)
        {
            expected.Add(route.Name, ("httpTrigger", b =>
            {
                var methods = b["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant());
                Assert.Equal(
                    FunctionsParityTests.Describe(route.Name, [route.Method], "api/" + route.Template, FunctionsApp.ExpectedLevel(route.Access)),
                    FunctionsParityTests.Describe(route.Name, methods, (string?)b["route"] ?? string.Empty, Enum.Parse<AuthorizationLevel>((string)b["authLevel"]!, ignoreCase: true)));
            }));
        }

        foreach (var name in WorkflowCatalog.Orchestrations)
        {
            expected.Add(name, ("orchestrationTrigger", _ => { }));
        }

        foreach (var activity in WorkflowCatalog.Activities)
        {
            expected.Add(activity.Name, ("activityTrigger", _ => { }));
        }

        expected.Add(ReminderTimerFunction.Name, ("timerTrigger", b =>
            Assert.Equal($"%{ReminderTimerFunction.ScheduleSetting}%", (string?)b["schedule"])));
        expected.Add(RetentionTimerFunction.Name, ("timerTrigger", b =>
            Assert.Equal($"%{RetentionTimerFunction.ScheduleSetting}%", (string?)b["schedule"])));
        return expected;
    }

    private static async Task<(int ExitCode, string Log)> DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the wrong SDK pieces; no
        // lingering build servers either, or they would hold the redirected pipes open.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {PublishTimeout}:\n{Tail(log.ToString())}");
        }

        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];
}
