using Microsoft.AspNetCore.Http;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Api.Admin;

/// <summary>
/// The programme administrator's routes (API.md "Admin"); the host has already checked the admin key.
/// Reads come from the table index; every action and every view of a whole record is audited by the commands.
/// </summary>
public sealed class AdminEndpoints(
    AdminQueries queries,
    ReassignReview reassign,
    CancelApplication cancel,
    ExportSikp export,
    Microsoft.Extensions.Options.IOptions<Workflow.Configuration.OpdOptions> opd,
    Workflow.Agreements.Signers signers,
    TimeProvider time)
{
    /// <summary>How far ahead a deadline counts as "expiring soon" on the dashboard.</summary>
    public static readonly TimeSpan ExpiringSoonWindow = TimeSpan.FromDays(2);

    /// <summary><c>GET /api/admin/applications?status=&amp;regency=&amp;overdue=&amp;continuationToken=&amp;pageSize=</c>.</summary>
    public async Task<IResult> ListAsync(ApiRequest r)
    {
        var q = r.Http.Request.Query;
        var query = new ListApplicationsQuery(q["status"].ToString(), q["regency"].ToString(), q["overdue"].ToString(), q["pageSize"].ToString(), q["continuationToken"].ToString());
        return Answers.From(r.Http.Request, await queries.ListAsync(query, r.Aborted).ConfigureAwait(false), page => !RequestReading.WantsJson(r.Http.Request)
            ? Answers.Page(AdminPages.List(page, query))
            : Answers.Json(new AdminListPage(page.Items.Select(e => AdminListItem.From(e, page.NowUtc)).ToList(), page.ContinuationToken)));
    }

    /// <summary><c>GET /api/admin/applications/{id}</c>: the whole record, state, documents, links and audit trail.</summary>
    public async Task<IResult> GetAsync(ApiRequest r) =>
        Answers.From(r.Http.Request, await queries.DetailAsync(r.Value("id"), r.Caller, r.Aborted).ConfigureAwait(false), d =>
        {
            var (stored, snapshot) = (d.Stored, d.Snapshot);
            var a = stored.Application;
            r.Http.Response.Headers.CacheControl = "no-store";
            if (!RequestReading.WantsJson(r.Http.Request))
            {
                return Answers.Page(AdminPages.Detail(d, AdminSession.Csrf(r.Http.Request), opd.Value, Workflow.Catalog.ActorNames.For(stored, signers, opd.Value), r.Http.Request.Query["done"].ToString() is { Length: > 0 } done ? done : null));
            }

            return Answers.Json(new
            {
                applicationId = stored.ApplicationId,
                version = stored.Version,
                submittedAt = stored.SubmittedAtUtc,
                status = snapshot.Status,
                updatedAt = snapshot.UpdatedAtUtc,
                deadline = snapshot.DeadlineUtc,
                overdue = d.Overdue,
                applicant = new
                {
                    nik = a.Applicant.Nik,
                    nikMasked = Nik.Mask(a.Applicant.Nik),
                    a.Applicant.FullName,
                    a.Applicant.BirthDate,
                    a.Applicant.Gender,
                    a.Applicant.Phone,
                    a.Applicant.Email,
                    a.Applicant.Address,
                },
                business = a.Business,
                regencyName = Regencies.TryGet(a.Business.RegencyCode, out var reg) ? reg.Name : null,
                request = a.Request,
                consentedAt = a.ConsentedAtUtc,
                reasons = snapshot.Reasons,
                review = snapshot.Review,
                ruleVersion = snapshot.RuleVersion,
                pendingLinkId = snapshot.PendingLinkId,
                history = snapshot.History.Select(h => new HistoryView(h.At, h.Status, h.Note)),
                documents = d.Documents.Select(DocumentView.From),
                links = d.Links.OrderBy(l => l.CreatedAtUtc).Select(l => new
                {
                    l.LinkId,
                    l.Role,
                    l.ActorId,
                    l.ActorName,
                    l.ActorEmail,
                    l.Status,
                    createdAt = l.CreatedAtUtc,
                    expiresAt = l.ExpiresAtUtc,
                    usedAt = l.UsedAtUtc,
                }),
                audit = d.Audit.Select(e => new
                {
                    at = e.AtUtc,
                    @event = e.Event,
                    actor = e.Actor,
                    detail = e.Detail,
                    ip = e.Ip,
                    userAgent = e.UserAgent,
                    documentSha256 = e.DocumentSha256,
                }),
                webhookDeliveries = (d.WebhookDeliveries ?? []).Select(w => new
                {
                    id = w.DeliveryId,
                    type = w.Type,
                    url = w.Url,
                    attempts = w.Attempts,
                    status = w.Status.ToString(),
                    eventId = w.EventId,
                    lastAttemptAt = w.LastAttemptUtc,
                    lastResult = w.LastResult,
                }),
            });
        });

    /// <summary><c>POST /api/admin/applications/{id}/reassign {reviewerId}</c>.</summary>
    public async Task<IResult> ReassignAsync(ApiRequest r)
    {
        var (reviewerId, failure) = await ReadStringAsync(r, "reviewerId").ConfigureAwait(false);
        if (failure is not null)
        {
            return await FormFailureAsync(r, "reassign", failure).ConfigureAwait(false);
        }

        var (done, reassignFailure) = await reassign.ExecuteAsync(r.Value("id"), reviewerId, r.Caller, r.Aborted).ConfigureAwait(false);
        if (reassignFailure is not null)
        {
            return await FormFailureAsync(r, "reassign", reassignFailure).ConfigureAwait(false);
        }

        return IsForm(r) ? Done(r, "reassign") : Answers.From(Result<Reassigned>.From(done!), done => Answers.Json(new
        {
            applicationId = done.ApplicationId,
            status = Domain.Applications.ApplicationStatus.InReview,
            reviewer = new { id = done.Reviewer.Id, name = done.Reviewer.Name },
            supersededLinkId = done.SupersededLinkId,
        }, StatusCodes.Status202Accepted));
    }

    /// <summary><c>POST /api/admin/applications/{id}/cancel {reason}</c>.</summary>
    public async Task<IResult> CancelAsync(ApiRequest r)
    {
        var (reason, failure) = await ReadStringAsync(r, "reason").ConfigureAwait(false);
        if (failure is not null)
        {
            return await FormFailureAsync(r, "cancel", failure).ConfigureAwait(false);
        }

        var (cancelled, cancelFailure) = await cancel.ExecuteAsync(r.Value("id"), reason, r.Caller, r.Aborted).ConfigureAwait(false);
        if (cancelFailure is not null)
        {
            return await FormFailureAsync(r, "cancel", cancelFailure).ConfigureAwait(false);
        }

        return IsForm(r) ? Done(r, "cancel") : Answers.From(Result<Cancelled>.From(cancelled!), done =>
            Answers.Json(new { applicationId = done.ApplicationId, status = Domain.Applications.ApplicationStatus.Cancelled, reason = done.Reason }, StatusCodes.Status202Accepted));
    }

    /// <summary><c>GET /api/admin/export/sikp?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>.</summary>
    public async Task<IResult> ExportSikpAsync(ApiRequest r)
    {
        var query = r.Http.Request.Query;
        return Answers.From(r.Http.Request, await export.ExecuteAsync(query["from"].ToString(), query["to"].ToString(), r.Caller, r.Aborted).ConfigureAwait(false), file =>
        {
            r.Http.Response.Headers.CacheControl = "no-store";
            r.Http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
    }

    /// <summary><c>GET /api/admin/dashboard</c>: the HTML dashboard, or its numbers as JSON when JSON is asked for.</summary>
    public async Task<IResult> DashboardAsync(ApiRequest r)
    {
        var rows = await queries.ScanAsync(r.Aborted).ConfigureAwait(false);
        var view = DashboardView.From([.. rows], time.GetUtcNow().UtcDateTime, ExpiringSoonWindow);
        r.Http.Response.Headers.CacheControl = "no-store";
        return RequestReading.WantsJson(r.Http.Request) ? Answers.Json(view) : Answers.Page(DashboardPage.Render(view));
    }

    /// <summary>One string member of the JSON object body (an empty body is an empty object).</summary>
    /// <summary>True for a form posted by the console's page (it then answers 303 or the page again).</summary>
    internal static bool IsForm(ApiRequest r) => r.Http.Request.HasFormContentType && !RequestReading.AnswerAsJson(r.Http.Request);

    /// <summary>303 back to the detail page with what was done.</summary>
    internal static IResult Done(ApiRequest r, string action) => Answers.SeeOther($"/api/admin/applications/{Uri.EscapeDataString(r.Value("id"))}?done={action}");

    /// <summary>A failed console action: the detail page again with the message at the field (or the error page); problem+json for API clients.</summary>
    internal async Task<IResult> FormFailureAsync(ApiRequest r, string action, Failure failure)
    {
        if (!IsForm(r) || failure.Kind is FailureKind.NotFound or FailureKind.Unavailable)
        {
            return Answers.Failure(r.Http.Request, failure);
        }

        var (d, detailFailure) = await queries.DetailAsync(r.Value("id"), r.Caller, r.Aborted).ConfigureAwait(false);
        if (detailFailure is not null)
        {
            return Answers.Failure(r.Http.Request, failure);
        }

        var html = AdminPages.Detail(d!, AdminSession.Csrf(r.Http.Request), opd.Value, Workflow.Catalog.ActorNames.For(d!.Stored, signers, opd.Value), null, failure, action);
        return Answers.Failure(r.Http.Request, failure, _ => html);
    }

    /// <summary>The console's confirmation box: a form post without <c>confirm=ya</c> is refused at that box.</summary>
    internal static Failure? Unconfirmed(ApiRequest r) => IsForm(r) && r.Http.Request.Form["confirm"].ToString() != "ya"
        ? Failure.Field("confirm", "confirm.required", "Centang kotak konfirmasi untuk melanjutkan.")
        : null;

    private static async Task<Result<string?>> ReadStringAsync(ApiRequest r, string name)
    {
        if (r.Http.Request.HasFormContentType)
        {
            var (form, formFailure) = await RequestReading.ReadSmallFormAsync(r.Http.Request, r.Aborted).ConfigureAwait(false);
            if (formFailure is not null)
            {
                return formFailure;
            }

            if (Unconfirmed(r) is { } unconfirmed)
            {
                return unconfirmed;
            }

            return Result<string?>.From(form![name].ToString() is { Length: > 0 } typed ? typed : null);
        }

        var (body, failure) = await RequestReading.ReadJsonObjectAsync(r.Http.Request, r.Aborted, emptyIsObject: true).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        return Result<string?>.From(body.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null);
    }
}
