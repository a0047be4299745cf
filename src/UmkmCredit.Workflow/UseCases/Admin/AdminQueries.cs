using System.Globalization;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.UseCases.Admin;

/// <summary>The admin list's filter as typed (query string or form).</summary>
public sealed record ListApplicationsQuery(string? Status, string? Regency, string? Overdue, string? PageSize, string? ContinuationToken);

/// <summary>A page of the admin list.</summary>
public sealed record ApplicationListPage(IReadOnlyList<IndexEntry> Items, string? ContinuationToken, DateTime NowUtc);

/// <summary>The whole record of one application, as an administrator sees it.</summary>
public sealed record ApplicationDetail(
    StoredApplication Stored,
    ApplicationSnapshot Snapshot,
    IReadOnlyList<StoredDocument> Documents,
    IReadOnlyList<ActionLink> Links,
    IReadOnlyList<AuditEntry> Audit,
    bool Overdue,
    IReadOnlyList<Webhooks.WebhookDelivery>? WebhookDeliveries = null);

/// <summary>The administrator's reads: list, detail (itself audited: it shows the full NIK) and the whole index.</summary>
public sealed class AdminQueries(ApplicationState state, IApplicationIndex index, IDocumentRepository documents, IAuditTrail audit, ILinkStore linkStore, TimeProvider time, Webhooks.IWebhookLog webhooks)
{
    /// <summary>Default page size of the list.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page size of the list.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The filtered list.</summary>
    public async Task<Result<ApplicationListPage>> ListAsync(ListApplicationsQuery query, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        ApplicationStatus? status = null;
        if (!string.IsNullOrEmpty(query.Status))
        {
            var name = Enum.GetNames<ApplicationStatus>().FirstOrDefault(n => n.Equals(query.Status, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(new("status", "status.unknown", "Status tidak dikenal. Pilih salah satu: " + string.Join(", ", Enum.GetNames<ApplicationStatus>()) + "."));
            }
            else
            {
                status = Enum.Parse<ApplicationStatus>(name);
            }
        }

        var regency = query.Regency?.Trim() ?? string.Empty;
        if (regency.Length > 0 && !Regencies.TryGet(regency, out _))
        {
            errors.Add(new("regency", "regency.unknown", "Kabupaten/kota tidak dikenal: " + string.Join(", ", Regencies.All.Select(x => $"{x.Code} ({x.Name})")) + "."));
        }

        var overdueText = query.Overdue ?? string.Empty;
        var overdue = overdueText.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (overdueText.Length > 0 && !overdue && !overdueText.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("overdue", "overdue.format", "Isian overdue harus true atau false."));
        }

        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(query.PageSize)
            && (!int.TryParse(query.PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add(new("pageSize", "pageSize.range", $"Ukuran halaman harus 1 sampai {MaxPageSize}."));
        }

        var continuation = query.ContinuationToken ?? string.Empty;
        if (continuation.Length > 2000)
        {
            errors.Add(new("continuationToken", "continuationToken.invalid", "Token lanjutan tidak valid."));
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            var page = await index.QueryAsync(new IndexQuery(status, regency.Length == 0 ? null : regency, overdue, now,
                continuation.Length == 0 ? null : continuation, pageSize), cancellationToken).ConfigureAwait(false);
            return new ApplicationListPage(page.Items, page.ContinuationToken, now);
        }
        catch (Exception ex) when (continuation.Length > 0 && ex is not OperationCanceledException)
        {
            // A token we did not issue (or one mangled in transit) must be a 400, never a 500.
            return Failure.Field("continuationToken", "continuationToken.invalid", "Token lanjutan tidak valid.");
        }
    }

    /// <summary>The whole record; the view is on the record before the trail is read.</summary>
    public async Task<Result<ApplicationDetail>> DetailAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var stored = await state.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Failure.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await audit.AppendAsync(id, new AuditEntry(now, AuditEvents.AdminViewed, AuditActors.Admin, null, caller.Ip, caller.UserAgent), cancellationToken).ConfigureAwait(false);
        var snapshot = await ApplicationState.SnapshotAsync(caller.Durable, stored, cancellationToken).ConfigureAwait(false);
        var docs = await documents.ListAsync(id, cancellationToken).ConfigureAwait(false);
        var links = await linkStore.ListAsync(id, cancellationToken).ConfigureAwait(false);
        var trail = await audit.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var deliveries = await webhooks.ListAsync(id, cancellationToken).ConfigureAwait(false);
        return new ApplicationDetail(stored, snapshot, docs, links, trail, ApplicationRules.IsOverdue(snapshot.Status, snapshot.DeadlineUtc, now), deliveries);
    }

    /// <summary>Every row of the index, page by page (dashboard, export).</summary>
    public async Task<IReadOnlyList<IndexEntry>> ScanAsync(CancellationToken cancellationToken)
    {
        var all = new List<IndexEntry>();
        var now = time.GetUtcNow().UtcDateTime;
        string? continuation = null;
        do
        {
            var page = await index.QueryAsync(new IndexQuery(null, null, false, now, continuation, 1000), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return all;
    }
}
