using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Infrastructure.Configuration;

/// <summary>Thrown at start-up when secrets or the mail channel are unsafe; the message names every setting.</summary>
public sealed class UnsafeConfigurationException(string environment, IReadOnlyList<string> problems)
    : InvalidOperationException($"UmkmCredit refuses to start in environment '{environment}':{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The one start-up call of both hosts: in Development a missing (or published sample) <c>Links:SigningKey</c> /
/// <c>Admin:ApiKey</c> is generated once and kept in the data folder (<c>Data:Directory</c>, default
/// <c>.data</c>) under <c>secrets/</c>, readable by the owner only; then <see cref="SecretGuard"/> decides.
/// </summary>
public static class SecretsStartup
{
    /// <summary><c>Data:Directory</c>: the local data folder (default <c>.data</c>, relative to the working directory).</summary>
    public const string DataDirectory = "Data:Directory";

    /// <summary>Local key files under <c>{data}/secrets/</c>, by setting.</summary>
    public static IReadOnlyDictionary<string, string> LocalKeyFiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SecretGuard.SigningKey] = "links-signing-key",
        [SecretGuard.AdminApiKey] = "admin-api-key",
    };

    /// <summary>Provides local keys (Development only) and refuses to start on any <see cref="SecretGuard"/> problem.</summary>
    /// <exception cref="UnsafeConfigurationException">The configuration is not safe for this environment.</exception>
    public static IHostApplicationBuilder EnforceUmkmCreditSecrets(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = EnvironmentOf(builder);
        var development = string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase);
        if (development)
        {
            ProvideLocalKeys(builder.Configuration);
        }

        var problems = SecretGuard.Check(builder.Configuration, development);
        return problems.Count > 0 ? throw new UnsafeConfigurationException(environment, problems) : builder;
    }

    /// <summary>The host environment; the Functions worker also honours <c>AZURE_FUNCTIONS_ENVIRONMENT</c> (set by Core Tools).</summary>
    public static string EnvironmentOf(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Environment.EnvironmentName;
        return name == Environments.Production && builder.Configuration["AZURE_FUNCTIONS_ENVIRONMENT"] is { Length: > 0 } functions
            ? functions
            : name;
    }

    /// <summary>The full path of the local secrets folder.</summary>
    public static string SecretsDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var data = configuration[DataDirectory];
        return Path.Combine(Path.GetFullPath(string.IsNullOrWhiteSpace(data) ? ".data" : data), "secrets");
    }

    private static void ProvideLocalKeys(IConfigurationManager configuration)
    {
        var generated = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (setting, file) in LocalKeyFiles)
        {
            var value = configuration[setting];
            if (string.IsNullOrWhiteSpace(value) || SecretGuard.IsSample(value))
            {
                generated[setting] = ReadOrCreate(Path.Combine(SecretsDirectory(configuration), file));
            }
        }

        if (generated.Count > 0)
        {
            // Added last: wins over appsettings.json and the environment.
            configuration.AddInMemoryCollection(generated);
        }
    }

    /// <summary>The key in <paramref name="path"/>, created (owner read/write only) with 48 random bytes when absent.</summary>
    public static string ReadOrCreate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(path))
        {
            // Written to a private temporary file, then moved into place without overwriting: a parallel
            // start either wins the move or reads the winner's complete key.
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(new FileStream(temp, options)))
            {
                writer.Write(key);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        // Created on an earlier run (or by a parallel start): reuse it, owner-only.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var existing = File.ReadAllText(path).Trim();
        return existing.Length >= SecretGuard.MinimumKeyLength
            ? existing
            : throw new InvalidOperationException($"The local key file {path} holds fewer than {SecretGuard.MinimumKeyLength} characters; delete it to generate a new one.");
    }
}
