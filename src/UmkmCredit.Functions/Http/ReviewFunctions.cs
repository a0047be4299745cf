using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>The OPD reviewer's link routes and the administrators' reminder.</summary>
public sealed class ReviewFunctions(ApiDispatcher dispatcher)
{
    [Function(RouteNames.GetReview)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/review/{token}")] HttpRequest req,
        string token,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.GetReview, req, client, (nameof(token), token));

    [Function(RouteNames.PostReview)]
    public Task<IActionResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/review/{token}")] HttpRequest req,
        string token,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.PostReview, req, client, (nameof(token), token));

    [Function(RouteNames.GetReviewDocument)]
    public Task<IActionResult> DocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/review/{token}/documents/{kind}")] HttpRequest req,
        string token,
        string kind,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.GetReviewDocument, req, client, (nameof(token), token), (nameof(kind), kind));

    // Admin route: anonymous at the host, admitted by ApiDispatcher (admin key or console session), as in the server.
    [Function(RouteNames.AdminRemind)]
    public Task<IActionResult> RemindAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/applications/{id}/remind")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminRemind, req, client, (nameof(id), id));
}
