using System.Text.Json;
using System.Text.Json.Nodes;
using UmkmCredit.TestSupport;

namespace UmkmCredit.ApiClient.Tests;

/// <summary>
/// Redocly CLI (pinned in package.json) lints <c>src/UmkmCredit.Api/openapi.json</c> with the recommended ruleset
/// (redocly.yaml; reasoned exceptions in .redocly.lint-ignore.yaml). Warnings count: a clean run has none.
/// </summary>
public sealed class OpenApiLintTests
{
    private static readonly string Document = Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Api", "openapi.json");

    [Fact]
    public async Task Document_lints_without_errors_or_warnings()
    {
        Assert.True(File.Exists(Tools.Redocly), $"{Tools.Redocly} is missing: run npm ci (scripts/test.sh does).");

        var run = await Tools.RunAsync(Tools.Redocly, "lint", "umkmcredit", "--format=json");
        var report = Report(run);

        var problems = report["problems"]!.AsArray().Select(Describe).ToList();
        Assert.True(problems.Count == 0, "Redocly: " + string.Join("\n", problems));
        Assert.Equal(0, report["totals"]!["errors"]!.GetValue<int>());
        Assert.Equal(0, report["totals"]!["warnings"]!.GetValue<int>());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Lint_reports_the_defects_of_a_broken_copy_of_the_document()
    {
        // The same lint over a copy with three defects: proof that the clean result above is a real verdict.
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(Document))!.AsObject();
        broken["info"]!.AsObject().Remove("license");
        var getApplication = broken["paths"]!["/api/applications/{id}"]!["get"]!.AsObject();
        getApplication.Remove("operationId");
        foreach (var code in getApplication["responses"]!.AsObject().Select(r => r.Key).Where(k => k[0] == '4').ToList())
        {
            getApplication["responses"]!.AsObject().Remove(code);
        }

        var path = Path.Combine(Path.GetTempPath(), $"openapi-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, broken.ToJsonString());
        try
        {
            var run = await Tools.RunAsync(Tools.Redocly, "lint", path, "--config", Path.Combine(RepoPaths.Root, "redocly.yaml"), "--format=json");
            var problems = Report(run)["problems"]!.AsArray().Select(Describe).ToList();

            Assert.Contains(problems, p => p.StartsWith("info-license ", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("operation-operationId #/paths/~1api~1applications~1{id}/get", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("operation-4xx-response #/paths/~1api~1applications~1{id}/get", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonNode Report(ToolRun run)
    {
        try
        {
            return JsonNode.Parse(run.Output) ?? throw new InvalidOperationException("empty");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException("Redocly did not print a JSON report: " + run);
        }
    }

    private static string Describe(JsonNode? problem) =>
        $"{problem!["ruleId"]} {problem["location"]?[0]?["pointer"]} {problem["severity"]}: {problem["message"]}";
}
