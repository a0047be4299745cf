using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// N applications over HTTP through the whole workflow on the real server and a private Azurite: submit (JSON) and
/// upload the documents → the reviewer approves through the mailed link → applicant, bank and OPD each request a
/// code and sign → the signed agreement is downloadable. Links and codes are read from the pickup directory, as a
/// person would read their mail. Arguments: <c>[applications=30] [concurrency=10] [Key=Value ...]</c>, the pairs
/// being server settings (e.g. <c>Durable:PartitionCount=8</c>).
/// </summary>
internal static partial class WorkflowBenchmark
{
    private const string Reviewer = "analis.umkm.trk@kaltaraprov.example";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The steps counted in the overall percentiles: a person's action until the next person's message.</summary>
    private static readonly string[] PersonSteps = ["submit", "approve", "sign1", "sign2", "sign3"];

    public static async Task<int> RunAsync(string[] args)
    {
        var positional = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToArray();
        var count = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 30;
        var concurrency = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 10;
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var pair in args.Where(a => a.Contains('=', StringComparison.Ordinal)))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            settings[pair[..at]] = pair[(at + 1)..];
        }

        var hub = "wf" + Guid.NewGuid().ToString("N")[..12];
        settings.TryAdd("Durable:TaskHub", hub);
        await using var azurite = await Azurite.StartAsync();
        await using var server = await ServerInstance.StartAsync(azurite.ConnectionString, settings);
        await using var outbox = new OutboxWatcher(server.Outbox.Directory);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var run = new Run(http, outbox);

        await run.OneAsync(new StepTimer(), "warmup@example.id"); // JIT, fonts, certificates, first partitions

        var timer = new StepTimer();
        var errors = 0;
        var next = -1;
        var cpuBefore = ProcessCpu.OfTree();
        var storageCpuBefore = ProcessCpu.OfChildren();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    await run.OneAsync(timer, $"wf{i}@example.id");
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine($"application {i}: {ex.Message}");
                }
            }
        }));
        var seconds = total.Elapsed.TotalSeconds;
        var cpuPerApplication = (ProcessCpu.OfTree() - cpuBefore).TotalMilliseconds / count;
        var storageCpuPerApplication = (ProcessCpu.OfChildren() - storageCpuBefore).TotalMilliseconds / count;

        var steps = timer.Durations(PersonSteps);
        Console.WriteLine(FormattableString.Invariant(
            $"workflow: applications_per_s={(count - errors) / seconds:F2} p50_step_ms={Stats.Percentile(steps, 50):F0} p95_step_ms={Stats.Percentile(steps, 95):F0} n={count} concurrency={concurrency} seconds={seconds:F1}")
            + (errors > 0 ? FormattableString.Invariant($" errors={errors}") : string.Empty));
        Console.WriteLine("steps: " + timer.Breakdown());
        Console.WriteLine(FormattableString.Invariant( // server, engine, bench client and Azurite together; load-independent
            $"cpu: ms_per_application={cpuPerApplication:F0} of_which_azurite_ms={storageCpuPerApplication:F0} ceiling_applications_per_s_on_{Environment.ProcessorCount}_cores={Environment.ProcessorCount * 1000 / cpuPerApplication:F2} load={ProcessCpu.Load()}"));
        Console.WriteLine(await EngineWorkAsync(azurite.ConnectionString, settings["Durable:TaskHub"]!, count + 1));
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// What the engine did per application (the warm-up included), from the task hub's history table: episodes
    /// (each one a control-queue message batch, a history load and a history + instance write), activities
    /// scheduled, timers created, events raised.
    /// </summary>
    private static async Task<string> EngineWorkAsync(string connectionString, string hub, int applications)
    {
        var table = new Azure.Data.Tables.TableClient(connectionString, hub + "History");
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var instances = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "EventType"]))
        {
            instances.Add(row.PartitionKey);
            var kind = row.GetString("EventType") ?? "?";
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        string Per(string kind) => FormattableString.Invariant($"{kinds.GetValueOrDefault(kind) / (double)applications:F1}");
        return FormattableString.Invariant(
            $"engine_per_application: instances={instances.Count / (double)applications:F1} episodes={Per("OrchestratorStarted")} activities={Per("TaskScheduled")} timers={Per("TimerCreated")} events={Per("EventRaised")} history_rows={kinds.Values.Sum() / (double)applications:F0}");
    }

    /// <summary>One application's journey; every wait is for a message or a status, never a fixed sleep.</summary>
    private sealed partial class Run(HttpClient http, OutboxWatcher outbox)
    {
        public async Task OneAsync(StepTimer timer, string email)
        {
            // Applicant: submit, then the four documents; the step ends with the reviewer's link in the outbox.
            var started = DateTime.UtcNow;
            var (id, token) = await SubmitAsync(Samples.Application(email));
            foreach (var kind in Samples.RequiredKinds)
            {
                var photo = kind == "business-photo";
                using var content = new ByteArrayContent(photo ? Samples.Png() : Samples.Pdf(kind));
                content.Headers.ContentType = new MediaTypeHeaderValue(photo ? "image/png" : "application/pdf");
                using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{id}/documents/{kind}") { Content = content };
                put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                await ExpectAsync(await http.SendAsync(put), HttpStatusCode.Created, "document " + kind);
            }

            var review = await outbox.WaitForAsync(m => To(m, Reviewer) && (m.Subject ?? string.Empty).Contains(id, StringComparison.Ordinal), StepTimeout);
            timer.Record("submit", started, review.WrittenUtc);
            await WaitForStatusAsync(id, token, "InReview");

            // Reviewer approves; the step ends with the applicant's (first signer's) link.
            var reviewToken = Outbox.ReviewToken(review.Message);
            started = DateTime.UtcNow;
            await ExpectAsync(await http.PostAsJsonAsync($"/api/review/{reviewToken}", new { decision = "approve" }), HttpStatusCode.OK, "approve");
            var signMail = await outbox.WaitForAsync(m => To(m, email) && IsSignLinkFor(m, id), StepTimeout);
            timer.Record("approve", started, signMail.WrittenUtc);

            // Three signers in order: code, signature; each signature's step ends with the next signer's link, the
            // last one's with the applicant's "signed" mail.
            string? number = null;
            var signed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var signer = 1; signer <= 3; signer++)
            {
                var signToken = SignLink().Match(signMail.Message.TextBody!).Groups[1].Value;
                var page = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/sign/{signToken}", UriKind.Relative))).RootElement;
                number = page.GetProperty("agreementNumber").GetString()!;
                var name = page.GetProperty("signer").GetProperty("name").GetString()!;
                var signerEmail = signMail.Message.To.Mailboxes.First().Address;

                started = DateTime.UtcNow;
                await ExpectAsync(await http.PostAsync(new Uri($"/api/sign/{signToken}/otp", UriKind.Relative), null), HttpStatusCode.Accepted, "otp");
                var otpMail = await outbox.WaitForAsync(
                    m => To(m, signerEmail) && (m.Subject ?? string.Empty).StartsWith("Kode OTP", StringComparison.Ordinal) && (m.Subject ?? string.Empty).EndsWith(number, StringComparison.Ordinal),
                    StepTimeout);
                timer.Record("otp", started, otpMail.WrittenUtc);
                var otp = OtpCode().Match(otpMail.Message.TextBody!).Groups[1].Value;

                started = DateTime.UtcNow;
                await ExpectAsync(await http.PostAsJsonAsync($"/api/sign/{signToken}", new { decision = "sign", otp, fullName = name, consent = true }), HttpStatusCode.OK, "sign");
                if (signer < 3)
                {
                    signed.Add(signerEmail);
                    signMail = await outbox.WaitForAsync(m => !m.To.Mailboxes.Any(b => signed.Contains(b.Address)) && IsSignLinkFor(m, id), StepTimeout);
                    timer.Record("sign" + signer.ToString(CultureInfo.InvariantCulture), started, signMail.WrittenUtc);
                }
                else
                {
                    var done = await outbox.WaitForAsync(m => To(m, email) && (m.Subject ?? string.Empty) == $"Perjanjian {number} telah ditandatangani", StepTimeout);
                    timer.Record("sign3", started, done.WrittenUtc);
                }
            }

            // The signed agreement is there: Completed, and the download is the PDF whose hash the status names.
            var completed = await WaitForStatusAsync(id, token, "Completed");
            var sha = completed.GetProperty("agreement").GetProperty("sha256").GetString();
            using var download = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}/agreement");
            download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var pdf = await http.SendAsync(download);
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            if (!pdf.IsSuccessStatusCode || Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) != sha)
            {
                throw new InvalidOperationException($"signed agreement of {id} ({number}) not available: {(int)pdf.StatusCode}");
            }
        }

        private async Task<(string Id, string Token)> SubmitAsync(System.Text.Json.Nodes.JsonObject application)
        {
            using var response = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), new StringContent(application.ToJsonString(), Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"submit: {(int)response.StatusCode} {text}");
            }

            var body = JsonDocument.Parse(text).RootElement;
            return (body.GetProperty("applicationId").GetString()!, body.GetProperty("accessToken").GetString()!);
        }

        private async Task<JsonElement> WaitForStatusAsync(string id, string token, string status)
        {
            var deadline = DateTime.UtcNow + StepTimeout;
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                var current = body.TryGetProperty("status", out var s) ? s.GetString() : null;
                if (current == status)
                {
                    return body;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{id} stayed {current}, expected {status}");
                }

                await Task.Delay(100);
            }
        }

        private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
        {
            using (response)
            {
                if (response.StatusCode != expected)
                {
                    throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        private static bool To(MimeMessage m, string address) =>
            m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase));

        private static bool IsSignLinkFor(MimeMessage m, string id) =>
            (m.Subject ?? string.Empty).EndsWith("menunggu tanda tangan Anda", StringComparison.Ordinal)
            && (m.TextBody ?? string.Empty).Contains(id, StringComparison.Ordinal);

        [GeneratedRegex(@"/api/sign/([A-Za-z0-9._-]+)")]
        private static partial Regex SignLink();

        [GeneratedRegex(@"Kode OTP: (\d{6})")]
        private static partial Regex OtpCode();
    }
}
