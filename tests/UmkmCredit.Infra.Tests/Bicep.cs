using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Infra.Tests;

/// <summary>The Bicep CLI from the NuGet package <c>Azure.Bicep.CommandLine.linux-x64</c>, run on the repo's infra/ files.</summary>
internal static class Bicep
{
    public static string InfraRoot { get; } = Path.Combine(RepoPaths.Root, "infra");

    public static string Executable { get; } = Locate();

    /// <summary>Every .bicep file under infra/, relative to the repo root.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(InfraRoot, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static (int ExitCode, string StdOut, string StdErr) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
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

        // Offline here: no telemetry, no update checks.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep " + string.Join(' ', arguments));
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Compiles a file to its ARM JSON, failing on any diagnostic.</summary>
    public static JsonObject Build(string relativePath)
    {
        var (code, stdout, stderr) = Run("build", relativePath, "--stdout");
        if (code != 0 || !string.IsNullOrWhiteSpace(stderr))
        {
            throw new InvalidOperationException($"bicep build {relativePath} exited {code}:\n{stderr}");
        }

        return JsonNode.Parse(stdout)!.AsObject();
    }

    private static string Locate()
    {
        var metadata = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var candidates = new List<string>();
        if (metadata.GetValueOrDefault("BicepPath") is { Length: > 0 } fromProps)
        {
            candidates.Add(Path.GetFullPath(fromProps.Replace('\\', '/')));
        }

        var roots = new[] { metadata.GetValueOrDefault("NuGetPackageRoot"), Environment.GetEnvironmentVariable("NUGET_PACKAGES"), Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages") };
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            var package = Path.Combine(root!, "azure.bicep.commandline.linux-x64");
            if (Directory.Exists(package))
            {
                candidates.AddRange(Directory.EnumerateFiles(package, "bicep", SearchOption.AllDirectories).OrderDescending(StringComparer.Ordinal));
            }
        }

        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The bicep binary of Azure.Bicep.CommandLine.linux-x64 was not found; restore tests/UmkmCredit.Infra.Tests.");
        // NuGet extraction does not always keep the executable bit.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(found) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(found, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return found;
    }
}
