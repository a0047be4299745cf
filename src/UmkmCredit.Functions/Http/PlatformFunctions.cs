using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>Health, the OpenAPI document and the portal page.</summary>
public sealed class PlatformFunctions(ApiDispatcher dispatcher)
{
    [Function(RouteNames.Health)]
    public Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.Health, req, client);

    [Function(RouteNames.OpenApi)]
    public Task<IActionResult> OpenApiAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.OpenApi, req, client);

    [Function(RouteNames.Portal)]
    public Task<IActionResult> PortalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/portal")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.Portal, req, client);
}
