using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using UmkmCredit.Api.Admin;
using UmkmCredit.Api.Http;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Api.Routing;

/// <summary>
/// Runs a route's handler for either host: admits an admin route (the key or the console's session, see
/// <see cref="AdminSession.CheckAsync"/>) the same way in both, and turns an unexpected failure into a problem
/// answer, never a stack trace.
/// </summary>
public sealed partial class ApiDispatcher(IServiceProvider services, IConfiguration configuration, TimeProvider time, ILogger<ApiDispatcher> logger)
{
    /// <summary>Runs the named route.</summary>
    public async Task<IResult> InvokeAsync(string routeName, HttpContext http, DurableTaskClient durable, IReadOnlyDictionary<string, string> values)
    {
        var route = ApiRoutes.Get(routeName);
        SecurityHeaders.Register(http);
        try
        {
            if (route.Access == RouteAccess.Admin
                && await AdminSession.CheckAsync(http.Request, configuration[SecretGuard.AdminApiKey], time.GetUtcNow()).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            return await route.Handler(services, new ApiRequest(http, durable, values)).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            return Problems.Status(ex.StatusCode, "Permintaan tidak valid", ex.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
        catch (Exception ex) when (Outages.IsOutage(ex))
        {
            LogOutage(logger, ex, routeName);
            http.Response.Headers.RetryAfter = Outages.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(503, "Layanan sedang tidak tersedia", "Penyimpanan atau mesin alur kerja tidak menjawab. Data yang sudah tersimpan tidak hilang; coba lagi beberapa saat lagi.");
        }
        catch (Exception ex)
        {
            LogFailure(logger, ex, routeName);
            return Problems.Status(500, "Kesalahan pada server", "Terjadi gangguan. Silakan coba lagi beberapa saat lagi.");
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Route {Route} failed")]
    private static partial void LogFailure(ILogger logger, Exception ex, string route);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Route {Route}: storage or the engine did not answer (503)")]
    private static partial void LogOutage(ILogger logger, Exception ex, string route);
}
