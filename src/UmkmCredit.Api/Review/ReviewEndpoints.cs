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
public sealed class ReviewEndpoints(ViewReview view, DecideReview decide, PreviewReviewDecision preview, ViewReviewDocument document, RemindPendingAction remind, TimeProvider time)
{
    /// <summary><c>GET /api/review/{token}</c>: page or JSON.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        var token = r.Value("token");
        return Answers.From(r.Http.Request, await view.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false), found =>
        {
            if (!RequestReading.WantsJson(r.Http.Request))
            {
                return Answers.Page(ReviewPage.Render(token, found, Today));
            }

            var a = found.Stored.Application;
            return Answers.Json(new
            {
                applicationId = found.Stored.ApplicationId,
                status = found.Snapshot.Status,
                reviewer = new { id = found.Link.ActorId, name = found.Link.ActorName },
                level = found.Snapshot.Review?.Level ?? 1,
                firstLevel = found.Snapshot.Review?.FirstLevel is { } first
                    ? new { reviewer = first.ReviewerName, decision = first.Verdict?.WireName(), note = first.Note, approvedAmount = first.ApprovedAmount }
                    : null,
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
        }, LinkProblem);
    }

    /// <summary>
    /// <c>POST /api/review/{token}</c>: the decision, effective exactly once. A browser's form post goes through a
    /// confirmation step first (without <c>confirm=ya</c> the same rules are checked and the decision shown back);
    /// <c>step=edit</c> shows the form again with what was typed. JSON clients decide in one call.
    /// </summary>
    public async Task<IResult> DecideAsync(ApiRequest r)
    {
        var token = r.Value("token");
        var request = r.Http.Request;
        var (command, failure) = await ReadDecisionAsync(token, request, r.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            return Answers.Failure(request, failure, LinkProblem);
        }

        var asPage = request.HasFormContentType && !RequestReading.AnswerAsJson(request);
        var typed = asPage ? new ReviewForm(command!.Decision, command.Note, command.ApprovedAmount, string.Join("\n", command.Recommendations)) : ReviewForm.Empty;
        if (asPage && request.Form["step"].ToString() == "edit")
        {
            return await FormAgainAsync(r, token, typed, null).ConfigureAwait(false);
        }

        if (asPage && request.Form["confirm"].ToString() != "ya")
        {
            var (checkedDecision, invalid) = await preview.ExecuteAsync(command!, r.Caller, r.Aborted).ConfigureAwait(false);
            return invalid is null
                ? Answers.Page(ReviewPage.Confirm(token, checkedDecision!, typed))
                : await FormAgainAsync(r, token, typed, invalid).ConfigureAwait(false);
        }

        var (decided, decideFailure) = await decide.ExecuteAsync(command!, r.Caller, r.Aborted).ConfigureAwait(false);
        if (decideFailure is not null)
        {
            return asPage ? await FormAgainAsync(r, token, typed, decideFailure).ConfigureAwait(false) : Answers.Failure(request, decideFailure, LinkProblem);
        }

        return asPage
            ? Answers.Page(ReviewPage.Recorded(decided!.Decision.Verdict))
            : Answers.Json(new { applicationId = decided!.ApplicationId, decision = decided.Decision.Verdict.WireName(), status = ReviewRules.Outcome(decided.Decision.Verdict) });
    }

    private DateOnly Today => Domain.Calendar.Wita.TodayFromUtc(time.GetUtcNow().UtcDateTime);

    private static string LinkProblem(Failure failure) => OfficialPages.LinkProblem(failure, signing: false);

    /// <summary>The form again with what was typed: messages at the fields for a rule broken, the link's problem page otherwise.</summary>
    private async Task<IResult> FormAgainAsync(ApiRequest r, string token, ReviewForm typed, Failure? failure)
    {
        if (failure is not null && failure.Kind != FailureKind.Invalid)
        {
            return Answers.Failure(r.Http.Request, failure, LinkProblem);
        }

        var (found, viewFailure) = await view.ExecuteAsync(token, r.Caller, r.Aborted).ConfigureAwait(false);
        if (viewFailure is not null)
        {
            return Answers.Failure(r.Http.Request, viewFailure, LinkProblem);
        }

        var html = ReviewPage.Render(token, found!, Today, typed, failure?.Errors);
        return failure is null ? Answers.Page(html) : Answers.Failure(r.Http.Request, failure, _ => html);
    }

    /// <summary><c>GET /api/review/{token}/documents/{kind}</c>.</summary>
    public async Task<IResult> DocumentAsync(ApiRequest r) =>
        Answers.From(r.Http.Request, await document.ExecuteAsync(r.Value("token"), r.Value("kind"), r.Caller, r.Aborted).ConfigureAwait(false), doc =>
        {
            r.Http.Response.Headers.XContentTypeOptions = "nosniff";
            r.Http.Response.Headers.CacheControl = "no-store";
            return Results.File(doc.Content, doc.Info.ContentType);
        }, LinkProblem);

    /// <summary><c>POST /api/admin/applications/{id}/remind</c>: re-sends the pending link now (the console's form: confirmation box, 303 back).</summary>
    public async Task<IResult> RemindAsync(ApiRequest r)
    {
        if (Admin.AdminEndpoints.IsForm(r))
        {
            var (form, formFailure) = await RequestReading.ReadSmallFormAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
            if ((formFailure ?? (form!["confirm"].ToString() == "ya" ? null : Failure.Field("confirm", "confirm.required", "Centang kotak konfirmasi untuk melanjutkan."))) is { } refused)
            {
                return Answers.Failure(r.Http.Request, refused);
            }
        }

        return Answers.From(r.Http.Request, await remind.ExecuteAsync(r.Value("id"), r.Caller, r.Aborted).ConfigureAwait(false), done => Admin.AdminEndpoints.IsForm(r)
            ? Admin.AdminEndpoints.Done(r, "remind")
            : Answers.Json(new { applicationId = done.ApplicationId, remindedTo = string.Join(", ", done.RemindedTo), deadline = done.Deadline }, StatusCodes.Status202Accepted));
    }

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
