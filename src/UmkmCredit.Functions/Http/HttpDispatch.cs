using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>Executes a handler's <see cref="IResult"/> on the Functions ASP.NET Core integration's <see cref="HttpContext"/>.</summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

/// <summary>The one call every HTTP wrapper makes: the shared dispatcher, as the standalone host calls it.</summary>
internal static class HttpDispatch
{
    public static async Task<IActionResult> InvokeAsync(
        this ApiDispatcher dispatcher, string routeName, HttpRequest request, DurableTaskClient client, params (string Name, string Value)[] values)
    {
        var routeValues = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);
        return new ResultActionResult(await dispatcher.InvokeAsync(routeName, request.HttpContext, client, routeValues).ConfigureAwait(false));
    }
}
