using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using UmkmCredit.Api.Http;

namespace UmkmCredit.Api.Routing;

/// <summary>Runs a route's handler for either host; turns an unexpected failure into a problem answer, never a stack trace.</summary>
public sealed partial class ApiDispatcher(IServiceProvider services, ILogger<ApiDispatcher> logger)
{
    /// <summary>Runs the named route.</summary>
    public async Task<IResult> InvokeAsync(string routeName, HttpContext http, DurableTaskClient durable, IReadOnlyDictionary<string, string> values)
    {
        var route = ApiRoutes.Get(routeName);
        try
        {
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
        catch (Exception ex)
        {
            LogFailure(logger, ex, routeName);
            return Problems.Status(500, "Kesalahan pada server", "Terjadi gangguan. Silakan coba lagi beberapa saat lagi.");
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Route {Route} failed")]
    private static partial void LogFailure(ILogger logger, Exception ex, string route);
}
