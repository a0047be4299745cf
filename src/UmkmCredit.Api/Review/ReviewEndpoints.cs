using System.Text.Json;
using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Domain.Review;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Admin;
using UmkmCredit.Workflow.UseCases.Review;

namespace UmkmCredit.Api.Review;

/// <summary>The reviewer's routes (one-time link) and the admin reminder: bind, call the command, answer.</summary>
public sealed class ReviewEndpoints(ViewReview view, DecideReview decide, ViewReviewDocument document, RemindPendingAction remind)
{
    /// <summary><c>GET /api/review/{token}</c>: page or JSON.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        var token = r.Value("token");
        return Answers.From(await view.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false), found =>
        {
            if (!RequestReading.WantsJson(r.Http.Request))
            {
                return Answers.Page(ReviewPage.Render(token, found.Stored, found.Documents, found.Screening, found.Link, found.CanRevise));
            }

            var a = found.Stored.Application;
            return Answers.Json(new
            {
                applicationId = found.Stored.ApplicationId,
                status = found.Snapshot.Status,
                reviewer = new { id = found.Link.ActorId, name = found.Link.ActorName },
                application = new
                {
                    applicant = new { nik = Nik.Mask(a.Applicant.Nik), a.Applicant.FullName, a.Applicant.BirthDate, a.Applicant.Gender, a.Applicant.Phone, a.Applicant.Email, a.Applicant.Address },
                    business = a.Business,
                    request = a.Request,
                },
                eligibility = new { outcome = found.Screening.Outcome.ToString(), reasons = found.Screening.Reasons.Select(x => x.Message), ruleVersion = found.Screening.RuleVersion, rate = found.Screening.AnnualRatePercent },
                documents = found.Documents.Select(d => new { d.Kind, d.ContentType, d.Size, d.Sha256, url = $"/api/review/{token}/documents/{d.Kind}" }),
                deadline = found.Link.ExpiresAtUtc,
                canRevise = found.CanRevise,
            });
        });
    }

    /// <summary><c>POST /api/review/{token}</c>: the decision, effective exactly once.</summary>
    public async Task<IResult> DecideAsync(ApiRequest r)
    {
        var (command, failure) = await ReadDecisionAsync(r.Value("token"), r.Http.Request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(failure);
        }

        return Answers.From(await decide.ExecuteAsync(command!, r.Caller, r.Aborted).ConfigureAwait(false), decided =>
            RequestReading.AnswerAsJson(r.Http.Request)
                ? Answers.Json(new { applicationId = decided.ApplicationId, decision = decided.Decision.Verdict.WireName(), status = ReviewRules.Outcome(decided.Decision.Verdict) })
                : Answers.Page(ReviewPage.Recorded(decided.Decision.Verdict)));
    }

    /// <summary><c>GET /api/review/{token}/documents/{kind}</c>.</summary>
    public async Task<IResult> DocumentAsync(ApiRequest r) =>
        Answers.From(await document.ExecuteAsync(r.Value("token"), r.Value("kind"), r.Caller, r.Aborted).ConfigureAwait(false), doc =>
        {
            r.Http.Response.Headers.XContentTypeOptions = "nosniff";
            r.Http.Response.Headers.CacheControl = "no-store";
            return Results.File(doc.Content, doc.Info.ContentType);
        });

    /// <summary><c>POST /api/admin/applications/{id}/remind</c>: re-sends the pending link now.</summary>
    public async Task<IResult> RemindAsync(ApiRequest r) =>
        Answers.From(await remind.ExecuteAsync(r.Value("id"), r.Caller, r.Aborted).ConfigureAwait(false), done =>
            Answers.Json(new { applicationId = done.ApplicationId, remindedTo = string.Join(", ", done.RemindedTo), deadline = done.Deadline }, StatusCodes.Status202Accepted));

    /// <summary>The decision of a form post or a JSON body (the same fields either way).</summary>
    private static async Task<Result<DecideReviewCommand>> ReadDecisionAsync(string token, HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var (form, formFailure) = await RequestReading.ReadSmallFormAsync(request, ct).ConfigureAwait(false);
            if (formFailure is not null)
            {
                return formFailure;
            }

            return new DecideReviewCommand(token, form!["decision"].ToString(), form["note"].ToString(), form["approvedAmount"].ToString(),
                form["recommendations"].SelectMany(v => (v ?? string.Empty).Split('\n')).ToList());
        }

        var (root, failure) = await RequestReading.ReadJsonObjectAsync(request, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var (decision, decisionFailure) = RequestReading.JsonString(root, "decision");
        var (note, noteFailure) = RequestReading.JsonString(root, "note");
        if ((decisionFailure ?? noteFailure) is { } typeFailure)
        {
            return typeFailure;
        }

        var amount = root.TryGetProperty("approvedAmount", out var a) ? a.ValueKind switch
        {
            JsonValueKind.Null => null,
            _ => a.GetRawText(),
        } : null;
        if (a.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Number))
        {
            // JSON numbers must be numbers: "approvedAmount":"50000000" is a type error, as in the application form.
            return Failure.Field("approvedAmount", "json.type", "Jenis nilai tidak sesuai: approvedAmount harus berupa angka.");
        }
        var recommendations = new List<string>();
        if (root.TryGetProperty("recommendations", out var recs))
        {
            if (recs.ValueKind == JsonValueKind.Array)
            {
                recommendations.AddRange(recs.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()));
            }
            else if (recs.ValueKind == JsonValueKind.String)
            {
                recommendations.AddRange(recs.GetString()!.Split('\n'));
            }
        }

        return new DecideReviewCommand(token, decision, note, amount, recommendations);
    }
}
