using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Server.Tests.Secrets;

/// <summary>Locally (Development) a missing or sample key is generated once into the data folder, owner-only, and reused.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are POSIX
public sealed class LocalKeyTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "umkmcredit-data-" + Guid.NewGuid().ToString("N"));

    private string SigningKeyFile => Path.Combine(_data, "secrets", "links-signing-key");

    private string AdminKeyFile => Path.Combine(_data, "secrets", "admin-api-key");

    private (string SigningKey, string AdminKey) StartDevelopment(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // appsettings.json here ships the published samples: in Development they count as "no key".
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server"),
            EnvironmentName = "Development",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = _data });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddUmkmCreditServer();
        using var app = builder.Build();
        // What the workflow signs with, through the options it binds.
        var signingKey = app.Services.GetRequiredService<IOptions<LinksOptions>>().Value.SigningKey;
        return (signingKey, app.Configuration["Admin:ApiKey"]!);
    }

    [Fact]
    public void First_run_generates_owner_only_keys_and_the_next_run_reuses_them()
    {
        var first = StartDevelopment();

        Assert.True(File.Exists(SigningKeyFile));
        Assert.True(File.Exists(AdminKeyFile));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(SigningKeyFile));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(AdminKeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(SigningKeyFile)!));
        Assert.Equal(File.ReadAllText(SigningKeyFile), first.SigningKey);
        Assert.Equal(File.ReadAllText(AdminKeyFile), first.AdminKey);
        Assert.True(first.SigningKey.Length >= 32);
        Assert.NotEqual(first.SigningKey, first.AdminKey);
        Assert.False(SecretGuard.IsSample(first.SigningKey));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(SigningKeyFile)!, "*.tmp"));

        var second = StartDevelopment();

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_configured_key_is_used_as_is_and_nothing_is_generated_for_it()
    {
        var (signingKey, _) = StartDevelopment(new Dictionary<string, string?> { ["Links:SigningKey"] = "developer-chosen-signing-key-0123456789abcdef" });

        Assert.Equal("developer-chosen-signing-key-0123456789abcdef", signingKey);
        Assert.False(File.Exists(SigningKeyFile));
        Assert.True(File.Exists(AdminKeyFile));
    }

    [Fact]
    public void A_key_file_readable_by_others_is_tightened_to_owner_only_and_kept()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SigningKeyFile)!);
        File.WriteAllText(SigningKeyFile, "an-existing-local-key-0123456789abcdef0123\n");
        File.SetUnixFileMode(SigningKeyFile, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (signingKey, _) = StartDevelopment();

        Assert.Equal("an-existing-local-key-0123456789abcdef0123", signingKey);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(SigningKeyFile));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
