using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Sikp;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;
using UmkmCredit.Workflow.Signals;

namespace UmkmCredit.Workflow.UseCases.Admin;

/// <summary>Who was reminded, until when.</summary>
public sealed record Reminded(string ApplicationId, IReadOnlyList<string> RemindedTo, DateTime Deadline);

/// <summary>A reassigned review.</summary>
public sealed record Reassigned(string ApplicationId, ActorConfig Reviewer, string SupersededLinkId);

/// <summary>A cancelled application.</summary>
public sealed record Cancelled(string ApplicationId, string Reason);

/// <summary>A SIKP export file.</summary>
public sealed record SikpFile(byte[] Content, string ContentType, string FileName, int Rows);

/// <summary>Re-sends the pending link(s) of an application now.</summary>
public sealed class RemindPendingAction(ApplicationState state, ILinkStore linkStore, PendingLinkSender sender, IAuditTrail audit, TimeProvider time, ILogger<RemindPendingAction> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<Reminded>> ExecuteAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var stored = await state.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Failure.NotFound();
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        var pending = new List<ActionLink>();
        foreach (var linkId in snapshot.PendingLinkIds ?? (snapshot.PendingLinkId is { } single ? [single] : []))
        {
            if (await linkStore.GetAsync(id, linkId, cancellationToken).ConfigureAwait(false) is { Link.Status: LinkStatus.Pending } found)
            {
                pending.Add(found.Link);
            }
        }

        if (pending.Count == 0)
        {
            return Failure.Conflict("Tidak ada tindakan yang sedang menunggu pada permohonan ini.");
        }

        foreach (var link in pending)
        {
            await sender.SendAsync(link, "reminder", cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(id, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.ReminderSent, AuditActors.Admin, link.ActorId, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
            Log.Reminded(logger, id, link.LinkId);
        }

        return new Reminded(id, pending.Select(l => l.ActorName).ToList(), pending.Min(l => l.ExpiresAtUtc));
    }
}

/// <summary>
/// Gives the pending review to another reviewer: the pending link is superseded first (so it answers 409 from
/// this moment on), then the workflow opens a link for the new reviewer.
/// </summary>
public sealed class ReassignReview(ApplicationState state, ILinkStore linkStore, IAuditTrail audit, IOptions<OpdOptions> opd, TimeProvider time, ILogger<ReassignReview> logger)
{
    /// <summary>Runs the command.</summary>
    public async Task<Result<Reassigned>> ExecuteAsync(string id, string? reviewerId, Caller caller, CancellationToken cancellationToken)
    {
        var stored = await state.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Failure.NotFound();
        }

        reviewerId = reviewerId?.Trim();
        if (string.IsNullOrEmpty(reviewerId))
        {
            return Failure.Field("reviewerId", "reviewerId.required", "Isi reviewerId dengan id penilai OPD yang terdaftar.");
        }

        if (opd.Value.FindActor(reviewerId) is not { } reviewer)
        {
            return Failure.Field("reviewerId", "reviewerId.unknown", "Penilai dengan id tersebut tidak terdaftar pada konfigurasi Opd:Reviewers.");
        }

        if (!opd.Value.Serves(reviewer.Id, stored.Application.Business.RegencyCode))
        {
            return Failure.Field("reviewerId", "reviewerId.otherRegency", "Penilai tersebut tidak melayani kabupaten/kota lokasi usaha permohonan ini.");
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        if (ApplicationRules.MayReassign(snapshot.Status) is { Allowed: false } refused)
        {
            return Failure.Conflict(refused.Refusal!);
        }

        var pending = snapshot.PendingLinkId is { } linkId ? await linkStore.GetAsync(id, linkId, cancellationToken).ConfigureAwait(false) : null;
        if (pending is not { Link.Status: LinkStatus.Pending } current
            || !await linkStore.TryCompleteAsync(id, current.Link.LinkId, LinkStatus.Superseded, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false))
        {
            return Failure.Conflict("Tautan penilaian sudah dipakai atau diganti; muat ulang data permohonan.");
        }

        await audit.AppendAsync(id, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.AdminReassigned, AuditActors.Admin, $"{current.Link.ActorId} -> {reviewer.Id}", caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        await ApplicationSignals.RaiseAsync(caller.Durable, id,
            new WorkflowSignal(SignalKind.Reassign, AuditActors.Admin, current.Link.LinkId, ReviewerId: reviewer.Id), cancellationToken).ConfigureAwait(false);
        Log.Reassigned(logger, id, current.Link.ActorId, reviewer.Id);
        return new Reassigned(id, reviewer, current.Link.LinkId);
    }
}

/// <summary>Cancels an application: open links die at once; the workflow ends as <c>Cancelled</c> and tells the applicant.</summary>
public sealed class CancelApplication(ApplicationState state, ILinkStore linkStore, IAuditTrail audit, TimeProvider time, ILogger<CancelApplication> logger)
{
    /// <summary>Longest cancellation reason.</summary>
    public const int MaxReason = 1000;

    /// <summary>Runs the command.</summary>
    public async Task<Result<Cancelled>> ExecuteAsync(string id, string? rawReason, Caller caller, CancellationToken cancellationToken)
    {
        var stored = await state.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Failure.NotFound();
        }

        if (string.IsNullOrWhiteSpace(rawReason))
        {
            return Failure.Field("reason", "reason.required", "Alasan pembatalan wajib diisi.");
        }

        if (!TextHygiene.TryClean(rawReason, MaxReason, false, out var reason, out var code))
        {
            return Failure.Field("reason", code ?? ValidationCodes.InvalidCharacters, $"Alasan paling panjang {MaxReason} karakter, satu baris, tanpa karakter kendali.");
        }

        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        if (ApplicationRules.MayCancel(snapshot.Status) is { Allowed: false } refused)
        {
            return Failure.Conflict(refused.Refusal!);
        }

        // A stage whose orchestration has already finished (nothing waits for the signal) cannot be cancelled here.
        var instance = await caller.Durable.GetInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.IsCompleted)
        {
            return Failure.Conflict($"Permohonan ini tidak sedang diproses (status \"{snapshot.Status.Label()}\"); pembatalan tidak dapat dijalankan.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await audit.AppendAsync(id, new AuditEntry(now, AuditEvents.AdminCancelled, AuditActors.Admin, reason, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        foreach (var link in await linkStore.ListAsync(id, cancellationToken).ConfigureAwait(false))
        {
            if (link.Status == LinkStatus.Pending)
            {
                await linkStore.TryCompleteAsync(id, link.LinkId, LinkStatus.Closed, now, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!await ApplicationSignals.RaiseAsync(caller.Durable, id, new WorkflowSignal(SignalKind.Cancel, AuditActors.Admin, Note: reason), cancellationToken).ConfigureAwait(false))
        {
            return ApplicationSignals.NotStarted(); // links are closed and the attempt audited; a retry repeats both harmlessly
        }

        Log.Cancelled(logger, id);
        return new Cancelled(id, reason);
    }
}

/// <summary>
/// The SIKP calon-debitur file of applications submitted on the given WITA dates (inclusive) that are still
/// prospective debtors; each exported application is on its own record as exported.
/// </summary>
public sealed class ExportSikp(AdminQueries queries, IApplicationRepository applications, IAuditTrail audit, TimeProvider time, ILogger<ExportSikp> logger)
{
    /// <summary>Longest export range, in days.</summary>
    public const int MaxExportDays = 366;

    /// <summary>Runs the command.</summary>
    public async Task<Result<SikpFile>> ExecuteAsync(string? fromText, string? toText, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var from = ParseDate(fromText, "from", errors);
        var to = ParseDate(toText, "to", errors);
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
            return Failure.Invalid(errors);
        }

        var rows = (await queries.ScanAsync(cancellationToken).ConfigureAwait(false))
            .Where(e => ApplicationRules.IsExportable(e.Status))
            .Where(e => Wita.TodayFromUtc(e.SubmittedAtUtc) is var day && day >= from!.Value && day <= to!.Value)
            .OrderBy(e => e.SubmittedAtUtc).ThenBy(e => e.ApplicationId, StringComparer.Ordinal)
            .ToList();
        var candidates = new List<SikpCandidate>(rows.Count);
        var detail = string.Create(CultureInfo.InvariantCulture, $"sikp {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        foreach (var row in rows)
        {
            if (await applications.GetAsync(row.ApplicationId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                candidates.Add(new SikpCandidate(row.ApplicationId, stored.SubmittedAtUtc, SikpCalonDebitur.From(stored.Application)));
            }
        }

        var chosen = SikpExport.OncePerNik(candidates);
        var debtors = chosen.Select(c => c.Row).ToList();
        foreach (var c in chosen)
        {
            await audit.AppendAsync(c.ApplicationId, new AuditEntry(time.GetUtcNow().UtcDateTime, AuditEvents.AdminExported, AuditActors.Admin, detail, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        }

        Log.Exported(logger, from!.Value, to!.Value, debtors.Count);
        return new SikpFile(SikpExport.Encode(debtors), SikpExport.ContentType, SikpExport.FileName(from.Value, to.Value), debtors.Count);
    }

    private static DateOnly? ParseDate(string? text, string name, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(text))
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
}
