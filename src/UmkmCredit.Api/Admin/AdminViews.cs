using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
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

/// <summary>A count under a key (status, regency code or week) with its label, and the rupiah requested by those applications.</summary>
public sealed record DashboardCount(string Key, string Label, int Count, long Amount = 0);

/// <summary>What the dashboard shows.</summary>
public sealed record DashboardView(
    DateTime GeneratedAt,
    int Total,
    IReadOnlyList<DashboardCount> ByStatus,
    IReadOnlyList<DashboardCount> ByRegency,
    IReadOnlyList<AdminListItem> Overdue,
    IReadOnlyList<AdminListItem> ExpiringSoon,
    double ExpiringSoonHours,
    IReadOnlyList<DashboardCount>? PerWeek = null)
{
    /// <summary>Longest list shown.</summary>
    public const int MaxListed = 100;

    /// <summary>Weeks of submissions shown, the current one last.</summary>
    public const int Weeks = 12;

    /// <summary>Aggregates index rows.</summary>
    public static DashboardView From(IReadOnlyCollection<IndexEntry> rows, DateTime nowUtc, TimeSpan expiringSoon)
    {
        var byStatus = Enum.GetValues<ApplicationStatus>()
            .Select(s => Count(s.ToString(), s.Label(), rows.Where(e => e.Status == s)))
            .ToList();
        var byRegency = Regencies.All
            .Select(r => Count(r.Code, r.Name, rows.Where(e => e.RegencyCode == r.Code)))
            .Concat(rows.Where(e => !Regencies.TryGet(e.RegencyCode, out _)).GroupBy(e => e.RegencyCode)
                .Select(g => Count(g.Key, g.Key, g)))
            .ToList();
        var open = rows.Where(e => !e.Status.IsTerminal() && e.DeadlineUtc is not null).ToList();
        var overdue = open.Where(e => e.DeadlineUtc < nowUtc).OrderBy(e => e.DeadlineUtc).Take(MaxListed)
            .Select(e => AdminListItem.From(e, nowUtc)).ToList();
        var soon = open.Where(e => e.DeadlineUtc >= nowUtc && e.DeadlineUtc <= nowUtc + expiringSoon).OrderBy(e => e.DeadlineUtc).Take(MaxListed)
            .Select(e => AdminListItem.From(e, nowUtc)).ToList();
        return new DashboardView(nowUtc, rows.Count, byStatus, byRegency, overdue, soon, expiringSoon.TotalHours, PerWeekOf(rows, nowUtc));
    }

    /// <summary>Submissions per calendar week (Monday to Sunday, WITA) over the last <see cref="Weeks"/> weeks; key = the Monday.</summary>
    public static IReadOnlyList<DashboardCount> PerWeekOf(IEnumerable<IndexEntry> rows, DateTime nowUtc)
    {
        static DateOnly Monday(DateTime utc)
        {
            var day = Wita.TodayFromUtc(utc);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }

        var thisWeek = Monday(nowUtc);
        var byWeek = rows.GroupBy(e => Monday(e.SubmittedAtUtc)).ToDictionary(g => g.Key, g => g.ToList());
        return Enumerable.Range(0, Weeks).Select(i => thisWeek.AddDays(-7 * (Weeks - 1 - i)))
            .Select(monday => Count(
                monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "Minggu mulai " + IndonesianDates.FormatLong(monday),
                byWeek.TryGetValue(monday, out var week) ? week : []))
            .ToList();
    }

    private static DashboardCount Count(string key, string label, IEnumerable<IndexEntry> rows)
    {
        var list = rows as ICollection<IndexEntry> ?? rows.ToList();
        return new DashboardCount(key, label, list.Count, list.Sum(e => e.Amount));
    }
}
