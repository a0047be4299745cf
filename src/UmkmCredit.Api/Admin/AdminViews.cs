using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Admin;

/// <summary>A page of the admin list (API.md).</summary>
public sealed record AdminListPage(IReadOnlyList<AdminListItem> Items, string? ContinuationToken);

/// <summary>One row of the admin list.</summary>
public sealed record AdminListItem(
    string ApplicationId,
    ApplicationStatus Status,
    string Regency,
    string? RegencyName,
    string ApplicantName,
    long Amount,
    DateTime? Deadline,
    bool Overdue,
    DateTime SubmittedAt,
    DateTime UpdatedAt)
{
    /// <summary>From an index row.</summary>
    public static AdminListItem From(IndexEntry e, DateTime nowUtc) => new(
        e.ApplicationId, e.Status, e.RegencyCode, Regencies.TryGet(e.RegencyCode, out var r) ? r.Name : null, e.ApplicantName, e.Amount,
        e.DeadlineUtc, ApplicationRules.IsOverdue(e.Status, e.DeadlineUtc, nowUtc), e.SubmittedAtUtc, e.UpdatedAtUtc);
}

/// <summary>A count under a key (status or regency code) with its label.</summary>
public sealed record DashboardCount(string Key, string Label, int Count);

/// <summary>What the dashboard shows.</summary>
public sealed record DashboardView(
    DateTime GeneratedAt,
    int Total,
    IReadOnlyList<DashboardCount> ByStatus,
    IReadOnlyList<DashboardCount> ByRegency,
    IReadOnlyList<AdminListItem> Overdue,
    IReadOnlyList<AdminListItem> ExpiringSoon,
    double ExpiringSoonHours)
{
    /// <summary>Longest list shown.</summary>
    public const int MaxListed = 100;

    /// <summary>Aggregates index rows.</summary>
    public static DashboardView From(IReadOnlyCollection<IndexEntry> rows, DateTime nowUtc, TimeSpan expiringSoon)
    {
        var byStatus = Enum.GetValues<ApplicationStatus>()
            .Select(s => new DashboardCount(s.ToString(), s.Label(), rows.Count(e => e.Status == s)))
            .ToList();
        var byRegency = Regencies.All
            .Select(r => new DashboardCount(r.Code, r.Name, rows.Count(e => e.RegencyCode == r.Code)))
            .Concat(rows.Where(e => !Regencies.TryGet(e.RegencyCode, out _)).GroupBy(e => e.RegencyCode)
                .Select(g => new DashboardCount(g.Key, g.Key, g.Count())))
            .ToList();
        var open = rows.Where(e => !e.Status.IsTerminal() && e.DeadlineUtc is not null).ToList();
        var overdue = open.Where(e => e.DeadlineUtc < nowUtc).OrderBy(e => e.DeadlineUtc).Take(MaxListed)
            .Select(e => AdminListItem.From(e, nowUtc)).ToList();
        var soon = open.Where(e => e.DeadlineUtc >= nowUtc && e.DeadlineUtc <= nowUtc + expiringSoon).OrderBy(e => e.DeadlineUtc).Take(MaxListed)
            .Select(e => AdminListItem.From(e, nowUtc)).ToList();
        return new DashboardView(nowUtc, rows.Count, byStatus, byRegency, overdue, soon, expiringSoon.TotalHours);
    }
}
