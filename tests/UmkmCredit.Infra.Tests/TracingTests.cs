using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using UmkmCredit.Api;
using UmkmCredit.Api.Telemetry;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Infra.Tests;

/// <summary>One trace spans the HTTP request, the orchestration and its activities, on the real server and Azurite.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Submission_OneTraceSpansHttpRequestOrchestrationAndActivities()
    {
        // The server runs in this process: a listener here sees every span its sources emit.
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or TelemetrySources.DurableTask,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var azurite = await Azurite.StartAsync();
        await using var server = await ServerInstance.StartAsync(azurite.ConnectionString);
        Assert.NotNull(server.Services.GetService<TracerProvider>());

        using var response = await server.Http.PostAsync(new Uri("/api/applications", UriKind.Relative), Samples.CompleteSubmission());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var applicationId = (string)accepted["applicationId"]!;

        var request = await WaitForAsync(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server
            && s.GetTagItem("http.request.method") as string == "POST" && (s.GetTagItem("url.path") as string ?? s.DisplayName).Contains("/api/applications", StringComparison.Ordinal));
        var trace = request.TraceId;
        var create = await WaitForAsync(spans, s => s.TraceId == trace && s.OperationName.StartsWith("create_orchestration:", StringComparison.Ordinal));
        var activity = await WaitForAsync(spans, s => s.TraceId == trace && s.Source.Name == TelemetrySources.DurableTask
            && s.OperationName.StartsWith("activity:", StringComparison.Ordinal));

        // The orchestration's own span is emitted when it ends: withdraw (a later, separate request) to end it.
        using var withdraw = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/applications/{applicationId}/withdraw", UriKind.Relative));
        withdraw.Headers.Authorization = new("Bearer", (string)accepted["accessToken"]!);
        using var withdrawn = await server.Http.SendAsync(withdraw);
        Assert.True(withdrawn.IsSuccessStatusCode, $"withdraw answered {(int)withdrawn.StatusCode}");
        var orchestration = await WaitForAsync(spans, s => s.TraceId == trace && s.Source.Name == TelemetrySources.DurableTask
            && s.OperationName.StartsWith("orchestration:", StringComparison.Ordinal));

        // One tree: request -> create_orchestration -> orchestration -> activity (through any scheduling spans between).
        Assert.True(DescendsFrom(create, request, spans), "create_orchestration is not under the HTTP request");
        Assert.True(DescendsFrom(orchestration, create, spans), "the orchestration is not under create_orchestration");
        Assert.True(DescendsFrom(activity, orchestration, spans), "the activity is not under the orchestration");
        Assert.Equal(applicationId, orchestration.GetTagItem("durabletask.task.instance_id") as string);
        Assert.Equal(applicationId, activity.GetTagItem("durabletask.task.instance_id") as string);
    }

    [Fact]
    public void AddUmkmCreditTelemetry_ExportsTheDurableTaskSource_WithoutAzureMonitorWhenUnset()
    {
        var exported = new List<Activity>();
        var services = new ServiceCollection();
        services.AddUmkmCreditTelemetry(new ConfigurationBuilder().Build(), "umkmcredit-test");
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported));
        using var provider = services.BuildServiceProvider();
        var tracer = provider.GetRequiredService<TracerProvider>();

        using var source = new ActivitySource(TelemetrySources.DurableTask);
        using (source.StartActivity("orchestration:Probe"))
        {
        }

        tracer.ForceFlush();
        Assert.Contains(exported, a => a.OperationName == "orchestration:Probe");
    }

    [Fact]
    public void AddUmkmCreditTelemetry_WithConnectionString_BuildsTheAzureMonitorPipeline()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // A syntactically valid string for a key that does not exist: nothing is sent before the provider is disposed.
                [TelemetrySources.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddUmkmCreditTelemetry(configuration, "umkmcredit-test");
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<TracerProvider>());
    }

    private static bool DescendsFrom(Activity child, Activity ancestor, IEnumerable<Activity> spans)
    {
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var parent = child.ParentSpanId; parent != default; parent = byId.TryGetValue(parent, out var span) ? span.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Activity> WaitForAsync(ConcurrentQueue<Activity> spans, Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (spans.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        var seen = string.Join('\n', spans.Select(s => $"{s.Source.Name} {s.OperationName} {s.DisplayName} trace={s.TraceId}").Distinct().Take(60));
        throw new TimeoutException("No matching span. Seen:\n" + seen);
    }
}
