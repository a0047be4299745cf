using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Review;

namespace UmkmCredit.Api.Review;

/// <summary>The reviewer's routes (one-time link) and the admin reminder.</summary>
public sealed class ReviewEndpoints(
    ActionLinkService links,
    ILinkStore linkStore,
    ReviewLinks reviewLinks,
    IApplicationRepository applications,
    IDocumentRepository documents,
    IAuditTrail audit,
    SchemeCatalog schemes,
    IOptions<WorkflowOptions> workflow,
    TimeProvider time)
{
    /// <summary>Longest note.</summary>
    public const int MaxNote = 2000;

    /// <summary><c>GET /api/review/{token}</c>: page or JSON.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var (check, link) = await links.CheckAsync(r.Value("token"), LinkRoles.Review, ct).ConfigureAwait(false);
        if (LinkProblem(check) is { } problem)
        {
            return problem;
        }

        var stored = await applications.GetAsync(link!.ApplicationId, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return Problems.NotFound();
        }

        var docs = await documents.ListAsync(stored.ApplicationId, ct).ConfigureAwait(false);
        var screening = Screening.Screen(stored.Application, docs.Select(d => d.Kind).ToList(), Wita.TodayFromUtc(time.GetUtcNow().UtcDateTime), schemes);
        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored, ct).ConfigureAwait(false);
        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(stored.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, "review.viewed", link.ActorId, null, ip, ua), ct).ConfigureAwait(false);
        var token = r.Value("token");
        var canRevise = (snapshot.Review?.Round ?? 0) < workflow.Value.MaxRevisionRounds;
        if (RequestReading.WantsJson(r.Http.Request))
        {
            var a = stored.Application;
            return Results.Json(new
            {
                applicationId = stored.ApplicationId,
                status = snapshot.Status,
                reviewer = new { id = link.ActorId, name = link.ActorName },
                application = new
                {
                    applicant = new { nik = Domain.Identity.Nik.Mask(a.Applicant.Nik), a.Applicant.FullName, a.Applicant.BirthDate, a.Applicant.Gender, a.Applicant.Phone, a.Applicant.Email, a.Applicant.Address },
                    business = a.Business,
                    request = a.Request,
                },
                eligibility = new { outcome = screening.Outcome.ToString(), reasons = screening.Reasons.Select(x => x.Message), ruleVersion = screening.RuleVersion, rate = screening.AnnualRatePercent },
                documents = docs.Select(d => new { d.Kind, d.ContentType, d.Size, d.Sha256, url = $"/api/review/{token}/documents/{d.Kind}" }),
                deadline = link.ExpiresAtUtc,
                canRevise,
            }, ApiJson.Options);
        }

        return Results.Content(ReviewPage.Render(token, stored, docs, screening, link, canRevise), "text/html; charset=utf-8");
    }

    /// <summary><c>POST /api/review/{token}</c>: the decision, effective exactly once.</summary>
    public async Task<IResult> DecideAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var token = r.Value("token");
        var (check, link) = await links.CheckAsync(token, LinkRoles.Review, ct).ConfigureAwait(false);
        if (LinkProblem(check) is { } problem)
        {
            return problem;
        }

        var (input, parseProblem) = await ReadDecisionAsync(r.Http.Request, ct).ConfigureAwait(false);
        if (parseProblem is not null)
        {
            return parseProblem;
        }

        var stored = await applications.GetAsync(link!.ApplicationId, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return Problems.NotFound();
        }

        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored, ct).ConfigureAwait(false);
        var errors = Validate(input!, stored.Application.Request.Amount, (snapshot.Review?.Round ?? 0) < workflow.Value.MaxRevisionRounds);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.ToDictionary(e => e.Path, e => new[] { e.Message }), errors.ToDictionary(e => e.Path, e => new[] { e.Code }));
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!await linkStore.TryCompleteAsync(link.ApplicationId, link.LinkId, LinkStatus.Used, now, ct).ConfigureAwait(false))
        {
            var (again, _) = await links.CheckAsync(token, LinkRoles.Review, ct).ConfigureAwait(false);
            return LinkProblem(again) ?? Problems.Conflict("Keputusan untuk tautan ini sudah tercatat.");
        }

        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(link.ApplicationId, new AuditEntry(now, "review.decided", link.ActorId,
            $"{input!.Verdict}" + (input.Note is null ? string.Empty : ": " + input.Note), ip, ua), ct).ConfigureAwait(false);
        await r.Durable.RaiseEventAsync(link.ApplicationId, WorkflowNames.Events.Signal, new WorkflowSignal(
            SignalKind.ReviewDecision, link.ActorId, link.LinkId, input.Verdict, input.Note, input.ApprovedAmount, input.Recommendations), ct).ConfigureAwait(false);

        var expected = input.Verdict switch
        {
            ReviewVerdict.Approve => ApplicationStatus.Approved,
            ReviewVerdict.Reject => ApplicationStatus.Rejected,
            _ => ApplicationStatus.RevisionRequested,
        };
        if (RequestReading.AnswerAsJson(r.Http.Request))
        {
            return Results.Json(new { applicationId = link.ApplicationId, decision = input.Verdict.ToString().ToLowerInvariant(), status = expected }, ApiJson.Options);
        }

        return Results.Content(ReviewPage.Recorded(input.Verdict), "text/html; charset=utf-8");
    }

    /// <summary><c>GET /api/review/{token}/documents/{kind}</c>.</summary>
    public async Task<IResult> DocumentAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var (check, link) = await links.CheckAsync(r.Value("token"), LinkRoles.Review, ct).ConfigureAwait(false);
        if (LinkProblem(check) is { } problem)
        {
            return problem;
        }

        var kind = r.Value("kind");
        var doc = DocumentKinds.IsKnown(kind) ? await documents.GetAsync(link!.ApplicationId, kind, ct).ConfigureAwait(false) : null;
        if (doc is null)
        {
            return Problems.NotFound();
        }

        var (ip, ua) = RequestReading.Client(r.Http.Request);
        await audit.AppendAsync(link!.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, "document.viewed", link.ActorId, kind, ip, ua, doc.Value.Info.Sha256), ct).ConfigureAwait(false);
        r.Http.Response.Headers.XContentTypeOptions = "nosniff";
        r.Http.Response.Headers.CacheControl = "no-store";
        return Results.File(doc.Value.Content, doc.Value.Info.ContentType);
    }

    /// <summary><c>POST /api/admin/applications/{id}/remind</c>: re-sends the pending link now.</summary>
    public async Task<IResult> RemindAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var id = r.Value("id");
        var stored = ApplicationAccess.IsApplicationId(id) ? await applications.GetAsync(id, ct).ConfigureAwait(false) : null;
        if (stored is null)
        {
            return Problems.NotFound();
        }

        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored, ct).ConfigureAwait(false);
        var pending = snapshot.PendingLinkId is { } linkId ? await linkStore.GetAsync(id, linkId, ct).ConfigureAwait(false) : null;
        if (pending is not { Link.Status: LinkStatus.Pending } p)
        {
            return Problems.Conflict("Tidak ada tindakan yang sedang menunggu pada permohonan ini.");
        }

        await reviewLinks.ResendAsync(id, p.Link.ActorEmail, p.Link.ActorName, links.TokenFor(p.Link), p.Link.ExpiresAtUtc, "reminder", ct).ConfigureAwait(false);
        await audit.AppendAsync(id, new AuditEntry(time.GetUtcNow().UtcDateTime, "reminder.sent", "admin", p.Link.ActorId), ct).ConfigureAwait(false);
        return Results.Json(new { applicationId = id, remindedTo = p.Link.ActorName, deadline = p.Link.ExpiresAtUtc }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    internal static IResult? LinkProblem(LinkCheck check) => check switch
    {
        LinkCheck.Valid => null,
        LinkCheck.Expired => Problems.Gone("Batas waktu tautan ini sudah lewat."),
        LinkCheck.Used => Problems.Conflict("Keputusan untuk tautan ini sudah tercatat."),
        LinkCheck.Superseded => Problems.Conflict("Tautan ini sudah tidak berlaku karena digantikan tautan baru."),
        _ => Problems.NotFound(),
    };

    private sealed record DecisionInput(ReviewVerdict Verdict, string? Note, long? ApprovedAmount, IReadOnlyList<string> Recommendations, string RawDecision);

    private static async Task<(DecisionInput? Input, IResult? Problem)> ReadDecisionAsync(HttpRequest request, CancellationToken ct)
    {
        string? decision, note, amountText;
        List<string> recommendations = [];
        if (request.HasFormContentType)
        {
            if (request.ContentLength > RequestReading.MaxJsonBytes)
            {
                return (null, Problems.TooLarge("Isian melebihi 256 KB."));
            }

            var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            decision = form["decision"].ToString();
            note = form["note"].ToString();
            amountText = form["approvedAmount"].ToString();
            recommendations.AddRange(form["recommendations"].SelectMany(v => (v ?? string.Empty).Split('\n')));
        }
        else
        {
            var (root, problem) = await RequestReading.ReadJsonObjectAsync(request, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                return (null, problem);
            }

            try
            {
                decision = Str(root, "decision");
                note = Str(root, "note");
                amountText = root.TryGetProperty("approvedAmount", out var amount) && amount.ValueKind != JsonValueKind.Null ? amount.GetRawText() : null;
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
            }
            catch (InvalidOperationException)
            {
                return (null, Problems.Field("$", "json.type", "Jenis nilai tidak sesuai."));
            }
        }

        var verdict = decision switch
        {
            "approve" => ReviewVerdict.Approve,
            "reject" => ReviewVerdict.Reject,
            "revise" => ReviewVerdict.Revise,
            _ => (ReviewVerdict?)null,
        };
        if (verdict is null)
        {
            return (null, Problems.Field("decision", "decision.invalid", "Keputusan harus approve, reject atau revise."));
        }

        long? approved = null;
        if (!string.IsNullOrWhiteSpace(amountText))
        {
            if (!long.TryParse(amountText.Trim().Trim('"'), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return (null, Problems.Field("approvedAmount", "approvedAmount.format", "Nilai yang disetujui harus berupa bilangan bulat rupiah."));
            }

            approved = parsed;
        }

        return (new DecisionInput(verdict.Value, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), approved,
            recommendations.Select(x => x.Trim()).Where(x => x.Length > 0).ToList(), decision!), null);
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null => null,
            _ => throw new InvalidOperationException(name),
        } : null;

    private static List<ValidationError> Validate(DecisionInput input, long requested, bool canRevise)
    {
        var errors = new List<ValidationError>();
        if (input.Verdict is ReviewVerdict.Reject or ReviewVerdict.Revise && input.Note is null)
        {
            errors.Add(new("note", "note.required", "Catatan wajib diisi untuk keputusan tolak atau perbaikan."));
        }
        else if (input.Note is not null && !TextHygiene.TryClean(input.Note, MaxNote, true, out _, out var code))
        {
            errors.Add(new("note", code ?? "text.invalid", $"Catatan paling panjang {MaxNote} karakter dan tidak boleh memuat karakter kendali."));
        }

        if (input.Verdict == ReviewVerdict.Revise && !canRevise)
        {
            errors.Add(new("decision", "decision.revisionLimit", "Batas jumlah putaran perbaikan sudah tercapai; pilih setujui atau tolak."));
        }

        if (input.ApprovedAmount is { } amount)
        {
            if (input.Verdict != ReviewVerdict.Approve)
            {
                errors.Add(new("approvedAmount", "approvedAmount.notApproving", "Nilai yang disetujui hanya diisi untuk keputusan setuju."));
            }
            else if (amount <= 0 || amount > requested)
            {
                errors.Add(new("approvedAmount", "approvedAmount.range", "Nilai yang disetujui harus lebih dari nol dan tidak melebihi nilai yang diajukan."));
            }
        }

        if (input.Recommendations.Count > 10)
        {
            errors.Add(new("recommendations", "recommendations.count", "Paling banyak 10 rekomendasi."));
        }
        else if (input.Recommendations.Any(x => !TextHygiene.TryClean(x, 500, false, out _, out _)))
        {
            errors.Add(new("recommendations", "recommendations.text", "Setiap rekomendasi paling panjang 500 karakter tanpa karakter kendali."));
        }

        return errors;
    }
}
