using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Support;

/// <summary>
/// The server as a child process in the Production environment (so it can be killed with SIGKILL and started again
/// on the same task hub), with real keys, the test's pickup folder allowed explicitly (see SecretGuard), rate limits
/// off and a two-second reminder sweep. Its output goes to a log file in the artifacts folder.
/// </summary>
internal static class ChildServer
{
    /// <summary>The signing key every child server uses, so links survive a restart.</summary>
    public const string SigningKey = "child-server-signing-key-0123456789abcdef0123";

    private static readonly Lock LogGate = new();

    /// <summary>Starts a server on <paramref name="port"/> against <paramref name="storage"/>; <paramref name="settings"/> add or override environment variables.</summary>
    public static Process Start(int port, string outbox, string hub, string storage, string? workerId = "child-worker", IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "UmkmCredit.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--contentRoot", Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Server") },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Links__BaseUrl"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__ConnectionString"] = storage;
        start.Environment["Durable__TaskHub"] = hub;
        if (workerId is not null)
        {
            start.Environment["Durable__WorkerId"] = workerId; // null: the server's default (machine, hub, address)
        }

        start.Environment["Notifications__PickupDirectory"] = outbox;
        start.Environment["Links__SigningKey"] = SigningKey;
        start.Environment["Admin__ApiKey"] = ServerInstance.AdminKey;
        start.Environment["Notifications__AllowPickupDirectory"] = "true";
        start.Environment["Reminders__Schedule"] = "*/2 * * * * *";
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var log = LogPath(hub, process);
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (LogGate)
                {
                    File.AppendAllText(log, line + Environment.NewLine);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the child server's log holds <paramref name="text"/> (fails at once if the process exits).</summary>
    public static async Task WaitForLogAsync(string hub, Process process, string text)
    {
        var log = LogPath(hub, process);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the server exited");
            string content;
            lock (LogGate)
            {
                content = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            }

            if (content.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the server's log ({log}) never said \"{text}\"");
    }

    private static string LogPath(string hub, Process process) => Path.Combine(RepoPaths.Artifacts, $"child-server-{hub}-{process.Id}.log");

    /// <summary>A client for a child server on <paramref name="port"/> that asks for JSON.</summary>
    public static HttpClient Client(int port)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <summary>Waits until the server answers its health check (fails at once if the process exits).</summary>
    public static async Task WaitHealthyAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the server exited");
            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // starting
            }

            await Task.Delay(250);
        }

        Assert.Fail("server did not become healthy");
    }

    /// <summary>Waits until the applicant's status view shows <paramref name="status"/> and returns that view.</summary>
    public static async Task<JsonElement> WaitStatusAsync(HttpClient http, string id, string accessToken, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        JsonElement body = default;
        while (DateTime.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request);
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (body.TryGetProperty("status", out var s) && s.GetString() == status)
            {
                return body;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"status did not reach {status}: {body}");
        return body;
    }

    /// <summary>Kills the server with SIGKILL (no graceful shutdown) and waits for it to be gone (nothing if it already is).</summary>
    public static async Task KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }
}
