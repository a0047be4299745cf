using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>
/// The administrators' routes (list, detail, reassignment, cancellation, SIKP export, dashboard, imports). Anonymous
/// at the host: <see cref="ApiDispatcher"/> admits them as the standalone server does — the admin key
/// (<c>x-functions-key</c> / <c>?code=</c>, the same value as the host's default key, <c>Admin:ApiKey</c>) or the
/// console's session cookie with its CSRF token — so the console's pages work in a browser. The reminder stays
/// with <see cref="ReviewFunctions"/>.
/// </summary>
public sealed class AdminFunctions(ApiDispatcher dispatcher)
{
    [Function(RouteNames.AdminListApplications)]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/applications")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminListApplications, req, client);

    [Function(RouteNames.AdminGetApplication)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/applications/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminGetApplication, req, client, (nameof(id), id));

    [Function(RouteNames.AdminReassign)]
    public Task<IActionResult> ReassignAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/applications/{id}/reassign")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminReassign, req, client, (nameof(id), id));

    [Function(RouteNames.AdminCancel)]
    public Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/applications/{id}/cancel")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminCancel, req, client, (nameof(id), id));

    [Function(RouteNames.AdminExportSikp)]
    public Task<IActionResult> ExportSikpAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/export/sikp")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminExportSikp, req, client);

    [Function(RouteNames.AdminDashboard)]
    public Task<IActionResult> DashboardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/dashboard")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminDashboard, req, client);

    [Function(RouteNames.AdminRedeliverWebhook)]
    public Task<IActionResult> RedeliverWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/webhooks/{deliveryId}/redeliver")] HttpRequest req,
        string deliveryId,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminRedeliverWebhook, req, client, (nameof(deliveryId), deliveryId));

    /// <summary>
    /// The console's sign-in page. Anonymous at the host: a browser has no function key. The session it starts is
    /// checked by <c>AdminSession</c> in the standalone host; in the Functions app the admin routes above stay at
    /// <c>AuthorizationLevel.Anonymous</c>, so there the console's pages need the key header (see README).
    /// </summary>
    [Function(RouteNames.AdminSignIn)]
    public Task<IActionResult> SignInAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminSignIn, req, client);

    /// <summary>Starts the console's cookie session from the posted key (checked against <c>Admin:ApiKey</c> by the handler).</summary>
    [Function(RouteNames.AdminStartSession)]
    public Task<IActionResult> StartSessionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/session")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminStartSession, req, client);

    [Function(RouteNames.AdminStartImport)]
    public Task<IActionResult> StartImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/imports")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminStartImport, req, client);

    [Function(RouteNames.AdminGetImport)]
    public Task<IActionResult> GetImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/imports/{importId}")] HttpRequest req,
        string importId,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.AdminGetImport, req, client, (nameof(importId), importId));
}
