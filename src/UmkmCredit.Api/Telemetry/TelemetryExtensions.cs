using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using UmkmCredit.Api.Telemetry;

// In the root namespace, like AddUmkmCreditApplication: both hosts already import UmkmCredit.Api.
namespace UmkmCredit.Api;

/// <summary>OpenTelemetry for both hosts: one trace from the HTTP request through the orchestration to its activities.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Adds tracing (ASP.NET Core, HttpClient, the Durable Task sources) and metrics; exports to Azure Monitor only
    /// when <see cref="TelemetrySources.ConnectionStringSetting"/> is set, so local runs and tests export nothing.
    /// </summary>
    public static IServiceCollection AddUmkmCreditTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[TelemetrySources.ConnectionStringSetting];
        var export = !string.IsNullOrWhiteSpace(connectionString);
        var credential = TelemetryCredential.From(configuration); // Entra ingestion when local auth is off
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. TelemetrySources.ActivitySources])
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !TelemetrySources.IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation();
                if (export)
                {
                    tracing.AddAzureMonitorTraceExporter(o => { o.ConnectionString = connectionString; o.Credential = credential; });
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export)
                {
                    metrics.AddAzureMonitorMetricExporter(o => { o.ConnectionString = connectionString; o.Credential = credential; });
                }
            });
        return services;
    }
}
