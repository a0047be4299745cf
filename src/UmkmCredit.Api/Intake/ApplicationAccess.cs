using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using UmkmCredit.Api.Http;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Intake;

/// <summary>Resolves an application for its applicant (token) and reads its state from the orchestration.</summary>
public sealed class ApplicationAccess(IApplicationRepository applications)
{
    /// <summary>True for ids we issue (32 lowercase hex digits).</summary>
    public static bool IsApplicationId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The stored application when the token matches; otherwise the problem to answer.</summary>
    public async Task<(StoredApplication? Application, IResult? Problem)> AuthorizeAsync(HttpRequest request, string id)
    {
        var token = RequestReading.BearerOrQueryToken(request);
        if (token is null)
        {
            return (null, Problems.Unauthorized());
        }

        if (!IsApplicationId(id))
        {
            return (null, Problems.NotFound());
        }

        var stored = await applications.GetAsync(id, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return stored is not null && AccessTokens.Matches(token, stored.AccessTokenHash)
            ? (stored, null)
            : (null, Problems.NotFound());
    }

    /// <summary>The orchestration's published state; <c>Submitted</c> until the orchestration first runs.</summary>
    public static async Task<ApplicationSnapshot> SnapshotAsync(DurableTaskClient durable, StoredApplication stored, CancellationToken cancellationToken)
    {
        var metadata = await durable.GetInstanceAsync(stored.ApplicationId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        var snapshot = metadata?.SerializedCustomStatus is { Length: > 0 } ? metadata.ReadCustomStatusAs<ApplicationSnapshot>() : null;
        return snapshot ?? new ApplicationSnapshot(ApplicationStatus.Submitted, stored.SubmittedAtUtc, null, [], null,
            [new HistoryItem(stored.SubmittedAtUtc, ApplicationStatus.Submitted, null)], null, null);
    }
}
