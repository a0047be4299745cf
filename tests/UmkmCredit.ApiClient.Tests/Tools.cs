using System.Diagnostics;
using UmkmCredit.TestSupport;

namespace UmkmCredit.ApiClient.Tests;

/// <summary>What a command-line tool printed and how it ended.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>Both streams, for failure messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}

/// <summary>Runs the tools the repository pins (Redocly CLI from npm, Kiota from the dotnet tool manifest) in the repository root.</summary>
public static class Tools
{
    /// <summary><c>node_modules/.bin/redocly</c>, installed by <c>npm ci</c> (scripts/test.sh).</summary>
    public static string Redocly { get; } = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "redocly");

    /// <summary>Runs a program to its end; no time limit of its own (the test session has one).</summary>
    public static async Task<ToolRun> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
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

        // No usage telemetry or update checks from the tools: the run stays on this machine.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ToolRun(process.ExitCode, await output, await error);
    }
}
