using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using UmkmCredit.Api.Admin;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Review;
using UmkmCredit.Api.Signing;
using UmkmCredit.Api.Platform;
using UmkmCredit.Api.Http;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Routing;

/// <summary>Who may call a route.</summary>
public enum RouteAccess
{
    /// <summary>Anyone (the handler checks tokens where needed).</summary>
    Anonymous,

    /// <summary>Administrators: <c>x-functions-key</c> / <c>?code=</c>. Functions: <c>AuthorizationLevel.Function</c>.</summary>
    Admin,
}

/// <summary>A request as the handlers see it, whichever host received it.</summary>
public sealed record ApiRequest(HttpContext Http, DurableTaskClient Durable, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>A route value.</summary>
    public string Value(string name) => Values.TryGetValue(name, out var v) ? v : string.Empty;

    /// <summary>The request's cancellation.</summary>
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The caller as the commands see it: the engine client and the evidence (address, user agent).</summary>
    public Caller Caller
    {
        get
        {
            var (ip, ua) = RequestReading.Client(Http.Request);
            return new Caller(Durable, ip, ua);
        }
    }

    /// <summary>The applicant token (<c>Authorization: Bearer</c> or <c>?token=</c>).</summary>
    public string? ApplicantToken => RequestReading.BearerOrQueryToken(Http.Request);
}

/// <summary>One route of the contract: name (= Functions function name), method, template under <c>/api</c>, access, handler.</summary>
public sealed record ApiRoute(string Name, string Method, string Template, RouteAccess Access, Func<IServiceProvider, ApiRequest, Task<IResult>> Handler);

/// <summary>
/// The one route table. The standalone host maps exactly these; the Functions app has one thin
/// <c>[Function]</c> per entry (tests compare both against this table and the OpenAPI document).
/// </summary>
public static class ApiRoutes
{
    /// <summary>Every route.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new(RouteNames.Health, "GET", "health", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<SystemEndpoints>().HealthAsync(r)),
        new(RouteNames.OpenApi, "GET", "openapi.json", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<SystemEndpoints>().OpenApiAsync(r)),
        new(RouteNames.Portal, "GET", "portal", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicantPageEndpoints>().PortalAsync(r)),
        new(RouteNames.SubmitApplication, "POST", "applications", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicationEndpoints>().SubmitAsync(r)),
        new(RouteNames.GetApplication, "GET", "applications/{id}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicationEndpoints>().GetAsync(r)),
        new(RouteNames.PutDocument, "PUT", "applications/{id}/documents/{kind}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicationEndpoints>().PutDocumentAsync(r)),
        new(RouteNames.ResubmitApplication, "POST", "applications/{id}/resubmit", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicationEndpoints>().ResubmitAsync(r)),
        new(RouteNames.WithdrawApplication, "POST", "applications/{id}/withdraw", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicationEndpoints>().WithdrawAsync(r)),
        new(RouteNames.GetReview, "GET", "review/{token}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ReviewEndpoints>().GetAsync(r)),
        new(RouteNames.PostReview, "POST", "review/{token}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ReviewEndpoints>().DecideAsync(r)),
        new(RouteNames.GetReviewDocument, "GET", "review/{token}/documents/{kind}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ReviewEndpoints>().DocumentAsync(r)),
        new(RouteNames.GetAgreement, "GET", "applications/{id}/agreement", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<VerifyEndpoints>().DownloadAsync(r)),
        new(RouteNames.GetSigning, "GET", "sign/{token}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<SigningEndpoints>().GetAsync(r)),
        new(RouteNames.GetSigningDocument, "GET", "sign/{token}/document", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<SigningEndpoints>().DocumentAsync(r)),
        new(RouteNames.RequestSigningOtp, "POST", "sign/{token}/otp", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<SigningEndpoints>().OtpAsync(r)),
        new(RouteNames.PostSigning, "POST", "sign/{token}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<SigningEndpoints>().DecideAsync(r)),
        new(RouteNames.VerifyById, "GET", "verify/{id}", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<VerifyEndpoints>().ByIdAsync(r)),
        new(RouteNames.VerifyFile, "POST", "verify", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<VerifyEndpoints>().ByFileAsync(r)),
        new(RouteNames.AdminRemind, "POST", "admin/applications/{id}/remind", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<ReviewEndpoints>().RemindAsync(r)),
        new(RouteNames.AdminListApplications, "GET", "admin/applications", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<AdminEndpoints>().ListAsync(r)),
        new(RouteNames.AdminGetApplication, "GET", "admin/applications/{id}", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<AdminEndpoints>().GetAsync(r)),
        new(RouteNames.AdminReassign, "POST", "admin/applications/{id}/reassign", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<AdminEndpoints>().ReassignAsync(r)),
        new(RouteNames.AdminCancel, "POST", "admin/applications/{id}/cancel", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<AdminEndpoints>().CancelAsync(r)),
        new(RouteNames.AdminExportSikp, "GET", "admin/export/sikp", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<AdminEndpoints>().ExportSikpAsync(r)),
        new(RouteNames.AdminDashboard, "GET", "admin/dashboard", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<AdminEndpoints>().DashboardAsync(r)),
        new(RouteNames.AdminRedeliverWebhook, "POST", "admin/webhooks/{deliveryId}/redeliver", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<WebhookEndpoints>().RedeliverAsync(r)),
        new(RouteNames.SubmitPortal, "POST", "portal", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicantPageEndpoints>().SubmitAsync(r)),
        new(RouteNames.GetReceipt, "GET", "applications/{id}/receipt", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicantPageEndpoints>().ReceiptAsync(r)),
        new(RouteNames.UploadDocuments, "POST", "applications/{id}/documents", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicantPageEndpoints>().UploadAsync(r)),
        new(RouteNames.LookupForm, "GET", "lookup", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicantPageEndpoints>().LookupFormAsync(r)),
        new(RouteNames.Lookup, "POST", "lookup", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<ApplicantPageEndpoints>().LookupAsync(r)),

        new(RouteNames.AdminSignIn, "GET", "admin", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<AdminConsoleEndpoints>().SignInAsync(r)),
        new(RouteNames.AdminStartSession, "POST", "admin/session", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<AdminConsoleEndpoints>().SessionAsync(r)),

        new(RouteNames.AdminStartImport, "POST", "admin/imports", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<ImportEndpoints>().StartAsync(r)),
        new(RouteNames.AdminGetImport, "GET", "admin/imports/{importId}", RouteAccess.Admin, (sp, r) => sp.GetRequiredService<ImportEndpoints>().GetAsync(r)),

        new(RouteNames.ExportApplicationData, "GET", "applications/{id}/export", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<PersonalDataEndpoints>().ExportAsync(r)),
        new(RouteNames.EraseApplication, "POST", "applications/{id}/erase", RouteAccess.Anonymous, (sp, r) => sp.GetRequiredService<PersonalDataEndpoints>().EraseAsync(r)),
    ];

    /// <summary>Finds a route by name.</summary>
    public static ApiRoute Get(string name) => All.Single(r => r.Name == name);
}

/// <summary>Route names, equal to the Functions app's function names.</summary>
public static class RouteNames
{
    /// <summary><c>GET /api/health</c>.</summary>
    public const string Health = "Health";

    /// <summary><c>GET /api/openapi.json</c>.</summary>
    public const string OpenApi = "OpenApi";

    /// <summary><c>GET /api/portal</c>.</summary>
    public const string Portal = "Portal";

    /// <summary><c>POST /api/applications</c>.</summary>
    public const string SubmitApplication = "SubmitApplication";

    /// <summary><c>GET /api/applications/{id}</c>.</summary>
    public const string GetApplication = "GetApplication";

    /// <summary><c>PUT /api/applications/{id}/documents/{kind}</c>.</summary>
    public const string PutDocument = "PutDocument";

    /// <summary><c>POST /api/applications/{id}/resubmit</c>.</summary>
    public const string ResubmitApplication = "ResubmitApplication";

    /// <summary><c>POST /api/applications/{id}/withdraw</c>.</summary>
    public const string WithdrawApplication = "WithdrawApplication";

    /// <summary><c>GET /api/applications/{id}/export</c> (the applicant's data as a zip).</summary>
    public const string ExportApplicationData = "ExportApplicationData";

    /// <summary><c>POST /api/applications/{id}/erase</c>.</summary>
    public const string EraseApplication = "EraseApplication";

    /// <summary><c>GET /api/review/{token}</c>.</summary>
    public const string GetReview = "GetReview";

    /// <summary><c>POST /api/review/{token}</c>.</summary>
    public const string PostReview = "PostReview";

    /// <summary><c>GET /api/review/{token}/documents/{kind}</c>.</summary>
    public const string GetReviewDocument = "GetReviewDocument";

    /// <summary><c>GET /api/applications/{id}/agreement</c>.</summary>
    public const string GetAgreement = "GetAgreement";

    /// <summary><c>GET /api/sign/{token}</c>.</summary>
    public const string GetSigning = "GetSigning";

    /// <summary><c>GET /api/sign/{token}/document</c>.</summary>
    public const string GetSigningDocument = "GetSigningDocument";

    /// <summary><c>POST /api/sign/{token}/otp</c>.</summary>
    public const string RequestSigningOtp = "RequestSigningOtp";

    /// <summary><c>POST /api/sign/{token}</c>.</summary>
    public const string PostSigning = "PostSigning";

    /// <summary><c>GET /api/verify/{id}</c>.</summary>
    public const string VerifyById = "VerifyById";

    /// <summary><c>POST /api/verify</c>.</summary>
    public const string VerifyFile = "VerifyFile";

    /// <summary><c>POST /api/admin/applications/{id}/remind</c>.</summary>
    public const string AdminRemind = "AdminRemind";

    /// <summary><c>GET /api/admin/applications</c>.</summary>
    public const string AdminListApplications = "AdminListApplications";

    /// <summary><c>GET /api/admin/applications/{id}</c>.</summary>
    public const string AdminGetApplication = "AdminGetApplication";

    /// <summary><c>POST /api/admin/applications/{id}/reassign</c>.</summary>
    public const string AdminReassign = "AdminReassign";

    /// <summary><c>POST /api/admin/applications/{id}/cancel</c>.</summary>
    public const string AdminCancel = "AdminCancel";

    /// <summary><c>GET /api/admin/export/sikp</c>.</summary>
    public const string AdminExportSikp = "AdminExportSikp";

    /// <summary><c>GET /api/admin/dashboard</c>.</summary>
    public const string AdminDashboard = "AdminDashboard";

    /// <summary><c>POST /api/admin/webhooks/{deliveryId}/redeliver</c>.</summary>
    public const string AdminRedeliverWebhook = "AdminRedeliverWebhook";

    /// <summary><c>POST /api/portal</c>.</summary>
    public const string SubmitPortal = "SubmitPortal";

    /// <summary><c>GET /api/applications/{id}/receipt</c>.</summary>
    public const string GetReceipt = "GetReceipt";

    /// <summary><c>POST /api/applications/{id}/documents</c>.</summary>
    public const string UploadDocuments = "UploadDocuments";

    /// <summary><c>GET /api/lookup</c>.</summary>
    public const string LookupForm = "LookupForm";

    /// <summary><c>POST /api/lookup</c>.</summary>
    public const string Lookup = "Lookup";

    /// <summary><c>GET /api/admin</c>: the console's sign-in page.</summary>
    public const string AdminSignIn = "AdminSignIn";

    /// <summary><c>POST /api/admin/session</c>: starts the console's cookie session.</summary>
    public const string AdminStartSession = "AdminStartSession";

    /// <summary><c>POST /api/admin/imports</c>: a bulk import (CSV of an outreach event).</summary>
    public const string AdminStartImport = "AdminStartImport";

    /// <summary><c>GET /api/admin/imports/{importId}</c>: an import's progress.</summary>
    public const string AdminGetImport = "AdminGetImport";
}
