using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Intake;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Domain.Sikp;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Admin;

/// <summary>
/// The programme administrator's routes (API.md "Admin"); the host has already checked the admin key.
/// Reads come from the table index; every action and every view of a whole record is audited with
/// actor <c>admin</c>, the caller's IP and user agent.
/// </summary>
public sealed class AdminEndpoints(
    IApplicationRepository applications,
    IApplicationIndex index,
    IDocumentRepository documents,
    IAuditTrail audit,
    ILinkStore linkStore,
    IOptions<OpdOptions> opd,
    TimeProvider time)
{
    /// <summary>Audit actor of every admin action.</summary>
    public const string Actor = "admin";

    /// <summary>Default page size of the list.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page size of the list.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Longest cancellation reason.</summary>
    public const int MaxReason = 1000;

    /// <summary>Longest export range, in days.</summary>
    public const int MaxExportDays = 366;

    /// <summary>How far ahead a deadline counts as "expiring soon" on the dashboard.</summary>
    public static readonly TimeSpan ExpiringSoonWindow = TimeSpan.FromDays(2);

    /// <summary>Statuses left out of the SIKP export: these people are no longer prospective debtors.</summary>
    public static readonly IReadOnlySet<ApplicationStatus> NotExported = new HashSet<ApplicationStatus>
    {
        ApplicationStatus.Rejected, ApplicationStatus.Declined, ApplicationStatus.Expired, ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
    };

    /// <summary><c>GET /api/admin/applications?status=&amp;regency=&amp;overdue=&amp;continuationToken=&amp;pageSize=</c>.</summary>
    public async Task<IResult> ListAsync(ApiRequest r)
    {
        var query = r.Http.Request.Query;
        var errors = new List<ValidationError>();
        ApplicationStatus? status = null;
        var statusText = query["status"].ToString();
        if (statusText.Length > 0)
        {
            var name = Enum.GetNames<ApplicationStatus>().FirstOrDefault(n => n.Equals(statusText, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(new("status", "status.unknown", "Status tidak dikenal. Pilih salah satu: " + string.Join(", ", Enum.GetNames<ApplicationStatus>()) + "."));
            }
            else
            {
                status = Enum.Parse<ApplicationStatus>(name);
            }
        }

        var regency = query["regency"].ToString();
        if (regency.Length > 0 && !Regencies.TryGet(regency, out _))
        {
            errors.Add(new("regency", "regency.unknown", "Kabupaten/kota tidak dikenal: " + string.Join(", ", Regencies.All.Select(x => $"{x.Code} ({x.Name})")) + "."));
        }

        var overdueText = query["overdue"].ToString();
        var overdue = overdueText.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (overdueText.Length > 0 && !overdue && !overdueText.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("overdue", "overdue.format", "Isian overdue harus true atau false."));
        }

        var pageSize = DefaultPageSize;
        var pageSizeText = query["pageSize"].ToString();
        if (pageSizeText.Length > 0 && (!int.TryParse(pageSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add(new("pageSize", "pageSize.range", $"Ukuran halaman harus 1 sampai {MaxPageSize}."));
        }

        var continuation = query["continuationToken"].ToString();
        if (continuation.Length > 2000)
        {
            errors.Add(new("continuationToken", "continuationToken.invalid", "Token lanjutan tidak valid."));
        }

        if (errors.Count > 0)
        {
            return Validation(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        IndexPage page;
        try
        {
            page = await index.QueryAsync(new IndexQuery(status, regency.Length == 0 ? null : regency.Trim(), overdue, now,
                continuation.Length == 0 ? null : continuation, pageSize), r.Http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (continuation.Length > 0 && ex is not OperationCanceledException)
        {
            // A token we did not issue (or one mangled in transit) must be a 400, never a 500.
            return Problems.Field("continuationToken", "continuationToken.invalid", "Token lanjutan tidak valid.");
        }

        return Results.Json(new AdminListPage(page.Items.Select(e => AdminListItem.From(e, now)).ToList(), page.ContinuationToken), ApiJson.Options);
    }

    /// <summary><c>GET /api/admin/applications/{id}</c>: the whole record, state, documents, links and audit trail.</summary>
    public async Task<IResult> GetAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var id = r.Value("id");
        var stored = ApplicationAccess.IsApplicationId(id) ? await applications.GetAsync(id, ct).ConfigureAwait(false) : null;
        if (stored is null)
        {
            return Problems.NotFound();
        }

        // The detail shows the full NIK (needed to check it against the KTP and to answer the applicant), so each
        // view is itself on the record before the trail is read.
        await AppendAsync(r, id, "admin.viewed", null, ct).ConfigureAwait(false);
        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored, ct).ConfigureAwait(false);
        var docs = await documents.ListAsync(id, ct).ConfigureAwait(false);
        var links = await linkStore.ListAsync(id, ct).ConfigureAwait(false);
        var trail = await audit.ReadAsync(id, ct).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        var a = stored.Application;
        return Results.Json(new
        {
            applicationId = id,
            version = stored.Version,
            submittedAt = stored.SubmittedAtUtc,
            status = snapshot.Status,
            updatedAt = snapshot.UpdatedAtUtc,
            deadline = snapshot.DeadlineUtc,
            overdue = IsOverdue(snapshot.Status, snapshot.DeadlineUtc, now),
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
            documents = docs.Select(d => new DocumentView(d.Kind, d.ContentType, d.Size, d.Sha256)),
            links = links.OrderBy(l => l.CreatedAtUtc).Select(l => new
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
            audit = trail.Select(e => new
            {
                at = e.AtUtc,
                @event = e.Event,
                actor = e.Actor,
                detail = e.Detail,
                ip = e.Ip,
                userAgent = e.UserAgent,
                documentSha256 = e.DocumentSha256,
            }),
        }, ApiJson.Options);
    }

    /// <summary>
    /// <c>POST /api/admin/applications/{id}/reassign {reviewerId}</c>: the pending review link is superseded first
    /// (so it answers 409 from this moment on), then the orchestration opens a link for the new reviewer.
    /// </summary>
    public async Task<IResult> ReassignAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var id = r.Value("id");
        var stored = ApplicationAccess.IsApplicationId(id) ? await applications.GetAsync(id, ct).ConfigureAwait(false) : null;
        if (stored is null)
        {
            return Problems.NotFound();
        }

        var (body, bodyProblem) = await ReadObjectAsync(r.Http.Request, ct).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var reviewerId = StringProperty(body!.Value, "reviewerId")?.Trim();
        if (string.IsNullOrEmpty(reviewerId))
        {
            return Problems.Field("reviewerId", "reviewerId.required", "Isi reviewerId dengan id penilai OPD yang terdaftar.");
        }

        if (opd.Value.FindActor(reviewerId) is not { } reviewer)
        {
            return Problems.Field("reviewerId", "reviewerId.unknown", "Penilai dengan id tersebut tidak terdaftar pada konfigurasi Opd:Reviewers.");
        }

        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored, ct).ConfigureAwait(false);
        if (snapshot.Status != ApplicationStatus.InReview)
        {
            return Problems.Conflict($"Penilai hanya dapat dialihkan ketika permohonan sedang dinilai (status sekarang {snapshot.Status}).");
        }

        var pending = snapshot.PendingLinkId is { } linkId ? await linkStore.GetAsync(id, linkId, ct).ConfigureAwait(false) : null;
        if (pending is not { Link.Status: LinkStatus.Pending } current
            || !await linkStore.TryCompleteAsync(id, current.Link.LinkId, LinkStatus.Superseded, time.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false))
        {
            return Problems.Conflict("Tautan penilaian sudah dipakai atau diganti; muat ulang data permohonan.");
        }

        await AppendAsync(r, id, "admin.reassigned", $"{current.Link.ActorId} -> {reviewer.Id}", ct).ConfigureAwait(false);
        await r.Durable.RaiseEventAsync(id, WorkflowNames.Events.Signal,
            new WorkflowSignal(SignalKind.Reassign, Actor, current.Link.LinkId, ReviewerId: reviewer.Id), ct).ConfigureAwait(false);
        return Results.Json(new
        {
            applicationId = id,
            status = ApplicationStatus.InReview,
            reviewer = new { id = reviewer.Id, name = reviewer.Name },
            supersededLinkId = current.Link.LinkId,
        }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// <c>POST /api/admin/applications/{id}/cancel {reason}</c>: open links die at once; the orchestration ends as
    /// <c>Cancelled</c> and its status change tells the applicant, with the reason as the note.
    /// </summary>
    public async Task<IResult> CancelAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var id = r.Value("id");
        var stored = ApplicationAccess.IsApplicationId(id) ? await applications.GetAsync(id, ct).ConfigureAwait(false) : null;
        if (stored is null)
        {
            return Problems.NotFound();
        }

        var (body, bodyProblem) = await ReadObjectAsync(r.Http.Request, ct).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var raw = StringProperty(body!.Value, "reason");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Problems.Field("reason", "reason.required", "Alasan pembatalan wajib diisi.");
        }

        if (!TextHygiene.TryClean(raw, MaxReason, false, out var reason, out var code))
        {
            return Problems.Field("reason", code ?? "text.invalid", $"Alasan paling panjang {MaxReason} karakter, satu baris, tanpa karakter kendali.");
        }

        var snapshot = await ApplicationAccess.SnapshotAsync(r.Durable, stored, ct).ConfigureAwait(false);
        if (snapshot.Status.IsTerminal())
        {
            return Problems.Conflict($"Permohonan ini sudah selesai ({snapshot.Status}) dan tidak dapat dibatalkan.");
        }

        // A stage whose orchestration has already finished (nothing waits for the signal) cannot be cancelled here.
        var instance = await r.Durable.GetInstanceAsync(id, ct).ConfigureAwait(false);
        if (instance is null || instance.IsCompleted)
        {
            return Problems.Conflict($"Permohonan ini tidak sedang diproses (status {snapshot.Status}); pembatalan tidak dapat dijalankan.");
        }

        await AppendAsync(r, id, "admin.cancelled", reason, ct).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var link in await linkStore.ListAsync(id, ct).ConfigureAwait(false))
        {
            if (link.Status == LinkStatus.Pending)
            {
                await linkStore.TryCompleteAsync(id, link.LinkId, LinkStatus.Closed, now, ct).ConfigureAwait(false);
            }
        }

        await r.Durable.RaiseEventAsync(id, WorkflowNames.Events.Signal, new WorkflowSignal(SignalKind.Cancel, Actor, Note: reason), ct).ConfigureAwait(false);
        return Results.Json(new { applicationId = id, status = ApplicationStatus.Cancelled, reason }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// <c>GET /api/admin/export/sikp?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>: the calon-debitur file of applications submitted
    /// on those WITA dates (inclusive) that are still prospective debtors (see <see cref="NotExported"/>).
    /// </summary>
    public async Task<IResult> ExportSikpAsync(ApiRequest r)
    {
        var ct = r.Http.RequestAborted;
        var query = r.Http.Request.Query;
        var errors = new List<ValidationError>();
        var from = ParseDate(query["from"].ToString(), "from", errors);
        var to = ParseDate(query["to"].ToString(), "to", errors);
        if (from is { } f && to is { } t)
        {
            if (f > t)
            {
                errors.Add(new("to", "to.beforeFrom", "Tanggal akhir tidak boleh sebelum tanggal awal."));
            }
            else if (t.DayNumber - f.DayNumber >= MaxExportDays)
            {
                errors.Add(new("to", "range.tooLong", $"Rentang ekspor paling panjang {MaxExportDays} hari."));
            }
        }

        if (errors.Count > 0)
        {
            return Validation(errors);
        }

        var rows = (await ScanAsync(ct).ConfigureAwait(false))
            .Where(e => !NotExported.Contains(e.Status))
            .Where(e => Wita.TodayFromUtc(e.SubmittedAtUtc) is var day && day >= from!.Value && day <= to!.Value)
            .OrderBy(e => e.SubmittedAtUtc).ThenBy(e => e.ApplicationId, StringComparer.Ordinal)
            .ToList();
        var debtors = new List<SikpCalonDebitur>(rows.Count);
        var detail = string.Create(CultureInfo.InvariantCulture, $"sikp {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        foreach (var row in rows)
        {
            if (await applications.GetAsync(row.ApplicationId, ct).ConfigureAwait(false) is { } stored)
            {
                debtors.Add(SikpCalonDebitur.From(stored.Application));
                await AppendAsync(r, row.ApplicationId, "admin.exported", detail, ct).ConfigureAwait(false);
            }
        }

        r.Http.Response.Headers.CacheControl = "no-store";
        r.Http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(SikpExport.Encode(debtors), SikpExport.ContentType, SikpExport.FileName(from!.Value, to!.Value));
    }

    /// <summary><c>GET /api/admin/dashboard</c>: the HTML dashboard, or its numbers as JSON when JSON is asked for.</summary>
    public async Task<IResult> DashboardAsync(ApiRequest r)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await ScanAsync(r.Http.RequestAborted).ConfigureAwait(false);
        var view = DashboardView.From(rows, now, ExpiringSoonWindow);
        r.Http.Response.Headers.CacheControl = "no-store";
        return RequestReading.WantsJson(r.Http.Request)
            ? Results.Json(view, ApiJson.Options)
            : Results.Content(DashboardPage.Render(view), "text/html; charset=utf-8");
    }

    internal static bool IsOverdue(ApplicationStatus status, DateTime? deadlineUtc, DateTime nowUtc) =>
        !status.IsTerminal() && deadlineUtc is { } d && d < nowUtc;

    /// <summary>Every row of the index, page by page.</summary>
    private async Task<List<IndexEntry>> ScanAsync(CancellationToken ct)
    {
        var all = new List<IndexEntry>();
        var now = time.GetUtcNow().UtcDateTime;
        string? continuation = null;
        do
        {
            var page = await index.QueryAsync(new IndexQuery(null, null, false, now, continuation, 1000), ct).ConfigureAwait(false);
            all.AddRange(page.Items);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return all;
    }

    private Task AppendAsync(ApiRequest r, string id, string @event, string? detail, CancellationToken ct)
    {
        var (ip, ua) = RequestReading.Client(r.Http.Request);
        return audit.AppendAsync(id, new AuditEntry(time.GetUtcNow().UtcDateTime, @event, Actor, detail, ip, ua), ct);
    }

    private static DateOnly? ParseDate(string text, string name, List<ValidationError> errors)
    {
        if (text.Length == 0)
        {
            errors.Add(new(name, name + ".required", $"Isian {name} wajib diisi (format yyyy-MM-dd)."));
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(name, name + ".format", $"Isian {name} harus tanggal dengan format yyyy-MM-dd."));
            return null;
        }

        return date;
    }

    private static IResult Validation(List<ValidationError> errors) => Problems.Validation(
        errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()));

    private static async Task<(JsonElement? Body, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        var bytes = await RequestReading.ReadLimitedAsync(request.Body, request.ContentLength, RequestReading.MaxJsonBytes, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, Problems.TooLarge("Isian melebihi 256 KB."));
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? (doc.RootElement.Clone(), null)
                : (null, Problems.Field("$", "json.malformed", "Data harus berupa objek JSON."));
        }
        catch (JsonException)
        {
            return (null, Problems.Field("$", "json.malformed", "Data bukan JSON yang valid."));
        }
    }

    private static string? StringProperty(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
