namespace UmkmCredit.Workflow.Catalog;

/// <summary>
/// The versions of the workflow code. Every new orchestration instance is stamped with the host's version
/// (<c>Durable:Version</c> in the server, <c>defaultVersion</c> in the Functions app's host.json) and keeps it for
/// life; the orchestration branches on <c>context.Version</c> through <see cref="IsAtLeast"/>, so an instance started
/// under an older version replays and continues on the old path after a deployment. See README "Changing the workflow
/// safely".
/// </summary>
/// <remarks>
/// Versions are written <c>major.minor</c> because the engine compares them with <see cref="System.Version"/> when
/// both parse and as text otherwise: bare numbers such as <c>"2"</c> and <c>"10"</c> do not parse, and as text "2"
/// is the greater (SDK 1.27, <c>TaskOrchestrationVersioningUtils.CompareVersions</c>). <c>"2.0"</c> and
/// <c>"10.0"</c> compare as numbers in both places.
/// </remarks>
public static class WorkflowVersions
{
    /// <summary>
    /// The workflow as it was when versioning was introduced. Instances without a version (started before it) run
    /// this path too.
    /// </summary>
    public const string V1 = "1.0";

    /// <summary>The "Approved" status change names the approved amount and the mentoring commitments.</summary>
    public const string V2 = "2.0";

    /// <summary>The version new instances get unless <c>Durable:Version</c> holds them back.</summary>
    public const string Current = V2;

    /// <summary>Every version this code can run, oldest first. A host refuses to start with any other.</summary>
    public static IReadOnlyList<string> Known { get; } = [V1, V2];

    /// <summary>True when <paramref name="version"/> is one of <see cref="Known"/>.</summary>
    public static bool IsKnown(string? version) => version is not null && Known.Contains(version, StringComparer.Ordinal);

    /// <summary>
    /// Orders two versions numerically, part by part (<c>"2.0"</c> &lt; <c>"10.0"</c>; a bare <c>"2"</c> counts as
    /// <c>"2.0"</c>). No version (null or empty: an instance started before versioning) is older than any version.
    /// </summary>
    /// <exception cref="FormatException">A version that is not dot-separated numbers.</exception>
    public static int Compare(string? a, string? b)
    {
        var left = Parse(a);
        var right = Parse(b);
        return left is null
            ? (right is null ? 0 : -1)
            : (right is null ? 1 : left.CompareTo(right));
    }

    /// <summary>
    /// True when an instance of <paramref name="instanceVersion"/> (the orchestration's <c>context.Version</c>) takes
    /// the behaviour introduced in <paramref name="version"/>.
    /// </summary>
    public static bool IsAtLeast(string? instanceVersion, string version) => Compare(instanceVersion, version) >= 0;

    private static Version? Parse(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return null;
        }

        var text = version.Trim();
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            text += ".0";
        }

        return Version.TryParse(text, out var parsed)
            ? parsed
            : throw new FormatException($"'{version}' is not a workflow version (dot-separated numbers such as \"2.0\").");
    }
}
