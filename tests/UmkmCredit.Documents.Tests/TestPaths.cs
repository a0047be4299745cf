namespace UmkmCredit.Documents.Tests;

internal static class TestPaths
{
    /// <summary>The repository root (the folder holding UmkmCredit.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "UmkmCredit.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("UmkmCredit.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>artifacts/documents under the repository root (git-ignored), created on demand.</summary>
    public static string Artifacts
    {
        get
        {
            string path = Path.Combine(RepoRoot, "artifacts", "documents");
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
