using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Server;

/// <summary>
/// Per-address limits of the standalone server (ASP.NET Core's rate limiter): submissions and look-ups per client
/// address, answered 429 problem+json with <c>Retry-After</c>. Per-NIK and per-link limits are taken by the commands
/// (both hosts); in Azure, per-address limits are Front Door's rate-limit rules (infra/app/frontdoor.bicep).
/// </summary>
public static class ServerRateLimits
{
    /// <summary>Policy of submissions (<c>POST /api/applications</c>, <c>POST /api/portal</c>).</summary>
    public const string Submissions = "submissions";

    /// <summary>Policy of look-ups (every route whose name or template starts with "lookup").</summary>
    public const string Lookups = "lookups";

    /// <summary>The policy of a route, or null when it is not limited per address.</summary>
    public static string? PolicyFor(ApiRoute route) =>
        route.Name == RouteNames.SubmitApplication || (route.Method == "POST" && route.Template == "portal") ? Submissions
        : route.Name.StartsWith("Lookup", StringComparison.OrdinalIgnoreCase) || route.Template.StartsWith("lookup", StringComparison.OrdinalIgnoreCase) ? Lookups
        : null;

    /// <summary>Registers the limiter and its two policies (no limit when <c>RateLimits:Enabled</c> is false).</summary>
    public static IServiceCollection AddUmkmCreditRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Submissions, context => Partition(context, Submissions, l => (l.SubmissionsPerAddress, l.SubmissionWindow)));
            o.AddPolicy(Lookups, context => Partition(context, Lookups, l => (l.LookupsPerAddress, l.LookupWindow)));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) && retry > TimeSpan.Zero ? retry : TimeSpan.FromMinutes(1);
                var answer = RetryAfter.Add(
                    Problems.Status(StatusCodes.Status429TooManyRequests, "Terlalu banyak permintaan", "Terlalu banyak permintaan dari alamat Anda dalam waktu singkat. Coba lagi nanti."),
                    wait);
                await answer.ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<RateLimitOptions, (int Permits, TimeSpan Window)> pick)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!limits.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var (permits, window) = pick(limits);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(policy + "|" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
