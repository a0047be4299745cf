using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>The applicant's UU 27/2022 (PDP) routes: export and erasure.</summary>
public sealed class PersonalDataFunctions(ApiDispatcher dispatcher)
{
    [Function(RouteNames.ExportApplicationData)]
    public Task<IActionResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/export")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.ExportApplicationData, req, client, (nameof(id), id));

    [Function(RouteNames.EraseApplication)]
    public Task<IActionResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/applications/{id}/erase")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.EraseApplication, req, client, (nameof(id), id));
}
