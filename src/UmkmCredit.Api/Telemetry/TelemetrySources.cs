using Microsoft.AspNetCore.Http;

namespace UmkmCredit.Api.Telemetry;

/// <summary>The names telemetry is collected under, in one place for the hosts and the tests.</summary>
public static class TelemetrySources
{
    /// <summary>App setting (and environment variable) that switches the Azure Monitor exporter on.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The Durable Task SDK's source (client <c>create_orchestration:*</c>, worker <c>orchestration:*</c>, <c>activity:*</c>).</summary>
    public const string DurableTask = "Microsoft.DurableTask";

    /// <summary>The isolated worker's invocation source (spans per function execution in Azure).</summary>
    public const string FunctionsWorker = "Microsoft.Azure.Functions.Worker";

    /// <summary>Every <see cref="System.Diagnostics.ActivitySource"/> the hosts listen to besides ASP.NET Core and HttpClient.</summary>
    public static IReadOnlyList<string> ActivitySources { get; } = [DurableTask, FunctionsWorker];

    /// <summary>Health probes are polled constantly; tracing each one would drown the useful spans.</summary>
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase);
}
