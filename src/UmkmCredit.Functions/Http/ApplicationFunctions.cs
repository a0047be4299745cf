using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>The applicant's routes: submit, status, documents, resubmission, withdrawal.</summary>
public sealed class ApplicationFunctions(ApiDispatcher dispatcher)
{
    [Function(RouteNames.SubmitApplication)]
    public Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.SubmitApplication, req, client);

    [Function(RouteNames.GetApplication)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.GetApplication, req, client, (nameof(id), id));

    [Function(RouteNames.PutDocument)]
    public Task<IActionResult> PutDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/applications/{id}/documents/{kind}")] HttpRequest req,
        string id,
        string kind,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.PutDocument, req, client, (nameof(id), id), (nameof(kind), kind));

    [Function(RouteNames.ResubmitApplication)]
    public Task<IActionResult> ResubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/resubmit")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.ResubmitApplication, req, client, (nameof(id), id));

    [Function(RouteNames.WithdrawApplication)]
    public Task<IActionResult> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/withdraw")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.WithdrawApplication, req, client, (nameof(id), id));
}
