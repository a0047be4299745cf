namespace UmkmCredit.Functions.Tests;

/// <summary>Files of the repository, found by walking up to <c>UmkmCredit.sln</c>.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string FunctionsProject => Path.Combine(Root, "src", "UmkmCredit.Functions");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UmkmCredit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"UmkmCredit.sln not found above {AppContext.BaseDirectory}.");
    }
}
