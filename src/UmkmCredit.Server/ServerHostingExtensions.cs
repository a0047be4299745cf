using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;
using UmkmCredit.Api;
using UmkmCredit.Api.Routing;
using UmkmCredit.Infrastructure;
using UmkmCredit.Infrastructure.Configuration;
using UmkmCredit.Server.Engine;
using UmkmCredit.Server.Http;

namespace UmkmCredit.Server;

/// <summary>The standalone host: the shared application, the embedded engine and the route table on Kestrel.</summary>
public static class ServerHostingExtensions
{
    /// <summary>Default address, the one <c>func start</c> uses.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Adds everything the standalone server runs.</summary>
    public static WebApplicationBuilder AddUmkmCreditServer(this WebApplicationBuilder builder)
    {
        builder.EnforceUmkmCreditSecrets(); // refuses unsafe keys / mail outside Development (issue 19)
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 80L * 1024 * 1024;
            k.Limits.MaxRequestLineSize = Http.ContractErrors.KestrelRequestLineLimit;
        });
        var services = builder.Services;
        services.AddUmkmCreditInfrastructure();
        services.AddUmkmCreditApplication();
        services.AddUmkmCreditTelemetry(builder.Configuration, "umkmcredit-server");
        services.AddUmkmCreditRateLimits();
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateDataAnnotations()
            .Validate(o => UmkmCredit.Workflow.Catalog.WorkflowVersions.IsKnown(o.Version),
                $"Durable:Version must be one of {string.Join(", ", UmkmCredit.Workflow.Catalog.WorkflowVersions.Known)} (the versions this build can run).")
            .ValidateOnStart()
            .PostConfigure(o => o.WorkerId ??= EngineOptions.DefaultWorkerId(Environment.MachineName, o.TaskHub, builder.Configuration["urls"]));

        // Order matters: storage first (AddUmkmCreditInfrastructure), then the sidecar (stopped last), then the worker.
        services.AddSingleton<EmbeddedSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedSidecar>());
        services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(WorkflowRegistration.Register);
            b.UseGrpc();
        });
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<EmbeddedSidecar>((o, sidecar) =>
            {
                o.Channel = sidecar.Channel();

                // The embedded sidecar sends no health pings on the work-item stream, so during a quiet wait (a review
                // that takes days) the worker would read silence as a dead channel and reconnect every two minutes;
                // on loopback to our own process the stream cannot silently die.
                Microsoft.DurableTask.Worker.Grpc.Internal.InternalOptionsExtensions.SetSilentDisconnectTimeout(o, TimeSpan.Zero);
            });
        services.AddOptions<DurableTaskWorkerOptions>(Options.DefaultName).Configure<IOptions<EngineOptions>>((o, e) =>
        {
            o.Concurrency.MaximumConcurrentActivityWorkItems = e.Value.MaxConcurrentActivities;
            o.Concurrency.MaximumConcurrentOrchestrationWorkItems = e.Value.MaxConcurrentOrchestrations;

            // What UseVersioning(...) sets, from the validated options: run instances of this version or older (each on
            // its own path), leave newer ones untouched for a newer process (Reject, never Fail: an in-flight application
            // must not die because an old process saw it first), and start sub-orchestrations at this version.
            o.Versioning = new DurableTaskWorkerOptions.VersioningOptions
            {
                Version = e.Value.Version,
                DefaultVersion = e.Value.Version,
                MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
                FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
            };
        });
        services.AddDurableTaskClient(b => b.UseGrpc());
        services.AddOptions<DurableTaskClientOptions>(Options.DefaultName)
            .Configure<IOptions<EngineOptions>>((o, e) => o.DefaultVersion = e.Value.Version); // new instances carry this version
        services.AddSingleton<UmkmCredit.Workflow.Ports.IEngineClientSource, ServerEngineClient>();
        services.AddHostedService<ReminderScheduler>();
        services.AddHostedService<RetentionScheduler>();
        services.AddHostedService<LocalTimeStampServer>();
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<EmbeddedSidecar>((o, sidecar) => o.Channel = sidecar.Channel());
        return builder;
    }

    /// <summary>Maps every route of <see cref="ApiRoutes"/> under <c>/api</c>.</summary>
    public static WebApplication MapUmkmCreditApi(this WebApplication app)
    {
        app.UseContractErrors();
        app.UseRateLimiter();
        foreach (var route in ApiRoutes.All)
        {
            var endpoint = app.MapMethods("/api/" + route.Template, [route.Method], async (HttpContext context, ApiDispatcher dispatcher, DurableTaskClient durable) =>
            {
                var values = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
                return await dispatcher.InvokeAsync(route.Name, context, durable, values).ConfigureAwait(false);
            }).WithName(route.Name);
            if (ServerRateLimits.PolicyFor(route) is { } policy)
            {
                endpoint.RequireRateLimiting(policy);
            }
        }

        app.MapGet("/", () => Results.Redirect("/api/portal")).ExcludeFromDescription();
        return app;
    }
}
