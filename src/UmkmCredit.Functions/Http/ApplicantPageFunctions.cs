using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>The applicant's page routes: portal form post, receipt, document upload form, "Lupa tautan?".</summary>
public sealed class ApplicantPageFunctions(ApiDispatcher dispatcher)
{
    [Function(RouteNames.SubmitPortal)]
    public Task<IActionResult> SubmitPortalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/portal")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.SubmitPortal, req, client);

    [Function(RouteNames.GetReceipt)]
    public Task<IActionResult> GetReceiptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/receipt")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.GetReceipt, req, client, (nameof(id), id));

    [Function(RouteNames.UploadDocuments)]
    public Task<IActionResult> UploadDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/documents")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.UploadDocuments, req, client, (nameof(id), id));

    [Function(RouteNames.LookupForm)]
    public Task<IActionResult> LookupFormAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lookup")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.LookupForm, req, client);

    [Function(RouteNames.Lookup)]
    public Task<IActionResult> LookupAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/lookup")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.Lookup, req, client);
}
