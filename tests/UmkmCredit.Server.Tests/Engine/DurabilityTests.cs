using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Engine;

/// <summary>
/// The engine is real: the server runs as a child process on Azure Storage (Azurite), is killed with SIGKILL
/// while the orchestration waits for the review, starts again, and the decision completes it with its history.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly Lock _logGate = new();
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Orchestration_survives_a_kill_9_and_resumes_with_its_history()
    {
        var port = Azurite.FreePort();
        var outbox = Path.Combine(Path.GetTempPath(), "umkmcredit-durability-" + Guid.NewGuid().ToString("N"));
        var hub = "dur" + Guid.NewGuid().ToString("N")[..10];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        Submitted app;
        string token;
        using (var first = StartServer(port, outbox, hub))
        {
            await WaitHealthyAsync(http, first);
            using var submitted = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), Samples.CompleteSubmission());
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
            app = new Submitted(body.GetProperty("applicationId").GetString()!, body.GetProperty("accessToken").GetString()!, body);
            await WaitStatusAsync(http, app, "InReview");
            var box = new Outbox(outbox);
            token = Outbox.ReviewToken(await box.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address.StartsWith("analis", StringComparison.Ordinal))));

            // Kill while the workflow waits for the reviewer: the applicant's "in review" mail is the last thing the
            // InReview step does. (A kill inside a step also recovers, after Durable:VisibilityTimeout.)
            var inReview = UmkmCredit.Workflow.Notifications.StatusLabels.Of(UmkmCredit.Domain.Applications.ApplicationStatus.InReview);
            await box.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(app.Id, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(inReview, StringComparison.Ordinal));

            first.Kill(entireProcessTree: true); // SIGKILL: no graceful shutdown
            await first.WaitForExitAsync();
        }

        using var second = StartServer(port, outbox, hub);
        try
        {
            await WaitHealthyAsync(http, second);
            using var decided = await http.PostAsync(new Uri($"/api/review/{token}", UriKind.Relative),
                new StringContent("{\"decision\":\"approve\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

            var status = await WaitStatusAsync(http, app, "AwaitingSignatures");
            var history = status.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToList();
            Assert.Equal(["Submitted", "InReview", "Approved", "AwaitingSignatures"], history);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private Process StartServer(int port, string outbox, string hub)
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
        start.Environment["Storage__ConnectionString"] = _azurite.ConnectionString;
        start.Environment["Durable__TaskHub"] = hub;
        start.Environment["Durable__WorkerId"] = "durability-worker";
        start.Environment["Notifications__PickupDirectory"] = outbox;
        // A Production process: real keys, and the test's pickup folder allowed explicitly (see SecretGuard).
        start.Environment["Links__SigningKey"] = "durability-signing-key-0123456789abcdef0123";
        start.Environment["Admin__ApiKey"] = ServerInstance.AdminKey;
        start.Environment["Notifications__AllowPickupDirectory"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        var log = Path.Combine(RepoPaths.Artifacts, $"durability-server-{hub}-{process.Id}.log");
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (_logGate)
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

    private static async Task WaitHealthyAsync(HttpClient http, Process process)
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

    private static async Task<JsonElement> WaitStatusAsync(HttpClient http, Submitted app, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        JsonElement body = default;
        while (DateTime.UtcNow < deadline)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{app.Id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token);
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
}

/// <summary>The kill-and-restart test runs alone: it measures the engine, not a machine busy with other collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityCollection
{
    /// <summary>Name.</summary>
    public const string Name = "durability";
}
