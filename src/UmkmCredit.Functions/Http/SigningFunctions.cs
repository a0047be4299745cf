using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Routing;

namespace UmkmCredit.Functions.Http;

/// <summary>The signers' link routes, public verification and the applicant's agreement download.</summary>
public sealed class SigningFunctions(ApiDispatcher dispatcher)
{
    [Function(RouteNames.GetAgreement)]
    public Task<IActionResult> AgreementAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/applications/{id}/agreement")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.GetAgreement, req, client, (nameof(id), id));

    [Function(RouteNames.GetSigning)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sign/{token}")] HttpRequest req,
        string token,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.GetSigning, req, client, (nameof(token), token));

    [Function(RouteNames.GetSigningDocument)]
    public Task<IActionResult> DocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sign/{token}/document")] HttpRequest req,
        string token,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.GetSigningDocument, req, client, (nameof(token), token));

    [Function(RouteNames.RequestSigningOtp)]
    public Task<IActionResult> OtpAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sign/{token}/otp")] HttpRequest req,
        string token,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.RequestSigningOtp, req, client, (nameof(token), token));

    [Function(RouteNames.PostSigning)]
    public Task<IActionResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sign/{token}")] HttpRequest req,
        string token,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.PostSigning, req, client, (nameof(token), token));

    [Function(RouteNames.VerifyById)]
    public Task<IActionResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/verify/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.VerifyById, req, client, (nameof(id), id));

    [Function(RouteNames.VerifyFile)]
    public Task<IActionResult> VerifyFileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/verify")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        dispatcher.InvokeAsync(RouteNames.VerifyFile, req, client);
}
