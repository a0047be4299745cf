using System.Text.Json.Nodes;
using UmkmCredit.TestSupport;

namespace UmkmCredit.ApiClient.Tests;

/// <summary>
/// The Kiota client in Generated/ is committed (reviewable diffs, a build that needs no generator). This test
/// regenerates it with the pinned Kiota (scripts/generate-api-client.sh) and requires the same files: a change of
/// openapi.json without regenerating, or a hand edit of the generated code, fails here.
/// </summary>
public sealed class GeneratedClientTests
{
    private static readonly string Committed = Path.Combine(RepoPaths.Root, "tests", "UmkmCredit.ApiClient.Tests", "Generated");

    [Fact]
    public async Task Committed_client_equals_a_fresh_generation_from_the_document()
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"umkmcredit-kiota-{Guid.NewGuid():N}");
        try
        {
            var run = await Tools.RunAsync("bash", Path.Combine(RepoPaths.Root, "scripts", "generate-api-client.sh"), fresh);
            Assert.True(run.ExitCode == 0, "Kiota failed (is the tool restored? `dotnet tool restore`, scripts/test.sh does it): " + run);

            var expected = Files(fresh);
            var actual = Files(Committed);

            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            var differing = expected.Keys.Where(k => expected[k] != actual[k]).ToList();
            Assert.True(differing.Count == 0, "Generated files differ from a fresh generation (run scripts/generate-api-client.sh): " + string.Join(", ", differing));
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    /// <summary>Relative path → text with LF line ends; the lock file without the folder-relative description path.</summary>
    private static Dictionary<string, string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".kiota.log")
            .ToDictionary(
                f => Path.GetRelativePath(root, f).Replace('\\', '/'),
                f =>
                {
                    var text = File.ReadAllText(f).ReplaceLineEndings("\n");
                    if (Path.GetFileName(f) != "kiota-lock.json")
                    {
                        return text;
                    }

                    var lockFile = JsonNode.Parse(text)!.AsObject();
                    lockFile.Remove("descriptionLocation"); // relative to the output folder, so it differs by folder
                    return lockFile.ToJsonString();
                },
                StringComparer.Ordinal);
}
