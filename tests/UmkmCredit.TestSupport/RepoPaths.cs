namespace UmkmCredit.TestSupport;

/// <summary>Locates the repository from a test's working directory.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding UmkmCredit.sln.</summary>
    public static string Root { get; } = Find();

    /// <summary>The git-ignored folder for test artifacts (screenshots, rendered pages).</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Root, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "UmkmCredit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("UmkmCredit.sln not found above " + AppContext.BaseDirectory);
    }
}
