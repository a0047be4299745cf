using System.Globalization;
using System.Text;
using UmkmCredit.Api.Admin;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;

namespace UmkmCredit.Api.Pages;

/// <summary>
/// The administrator's dashboard: counts by status and regency drawn as inline SVG bar charts (no script, no CDN),
/// and the overdue and expiring-soon lists. Charts scale with their container; tables scroll sideways on a phone.
/// </summary>
public static class DashboardPage
{
    private const string Table = "width:100%;border-collapse:collapse;font-size:.92em";
    private const string Cell = "text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top";
    private const string Number = "text-align:right;padding:6px 8px;border-bottom:1px solid #e4e7eb;font-variant-numeric:tabular-nums";

    /// <summary>Renders the page.</summary>
    public static string Render(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var sb = new StringBuilder();
        sb.Append("<h1>Dasbor program kredit UMKM</h1>");
        sb.Append("<p class=\"muted\">Keadaan per ").Append(Html.E(Wita.FormatTimestamp(view.GeneratedAt)))
            .Append(" · <span data-total=\"").Append(view.Total).Append("\">").Append(view.Total).Append(" permohonan</span></p>");

        sb.Append("<section class=\"card\" id=\"per-status\"><h2>Permohonan per status</h2>");
        sb.Append(BarChart("Jumlah permohonan per status", view.ByStatus, "#0b5d4b"));
        sb.Append(CountTable("Status", view.ByStatus, "status")).Append("</section>");

        sb.Append("<section class=\"card\" id=\"per-kabupaten\"><h2>Permohonan per kabupaten/kota</h2>");
        sb.Append(BarChart("Jumlah permohonan per kabupaten/kota", view.ByRegency, "#1c7ed6"));
        sb.Append(CountTable("Kabupaten/kota", view.ByRegency, "regency")).Append("</section>");

        var weeks = view.PerWeek ?? [];
        sb.Append("<section class=\"card\" id=\"per-minggu\"><h2>Permohonan masuk per minggu</h2>");
        sb.Append("<p class=\"muted\">").Append(weeks.Count).Append(" minggu terakhir (Senin–Minggu, WITA), minggu ini paling bawah.</p>");
        sb.Append(BarChart("Jumlah permohonan masuk per minggu", weeks, "#7048e8"));
        sb.Append(CountTable("Minggu", weeks, "week")).Append("</section>");

        sb.Append("<section class=\"card\" id=\"terlambat\"><h2>Melewati batas waktu (").Append(view.Overdue.Count).Append(")</h2>");
        sb.Append(ItemTable(view.Overdue, "Tidak ada permohonan yang melewati batas waktu.")).Append("</section>");

        var hours = view.ExpiringSoonHours.ToString("0", CultureInfo.InvariantCulture);
        sb.Append("<section class=\"card\" id=\"segera-berakhir\"><h2>Batas waktu dalam ").Append(hours).Append(" jam (").Append(view.ExpiringSoon.Count).Append(")</h2>");
        sb.Append(ItemTable(view.ExpiringSoon, "Tidak ada batas waktu yang segera berakhir.")).Append("</section>");
        return Html.Page("Dasbor admin", sb.ToString());
    }

    /// <summary>A horizontal bar chart: one row per count, label above its bar, the number at the bar's end.</summary>
    internal static string BarChart(string title, IReadOnlyList<DashboardCount> counts, string colour)
    {
        const int width = 320;
        const int labelHeight = 16;
        const int barHeight = 14;
        const int rowHeight = labelHeight + barHeight + 8;
        const int barSpace = width - 40;
        var max = Math.Max(1, counts.Count == 0 ? 1 : counts.Max(c => c.Count));
        var height = Math.Max(rowHeight, counts.Count * rowHeight);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.E(title)}\" ")
            .Append("style=\"width:100%;max-width:560px;height:auto;display:block;margin:8px 0\" font-family=\"system-ui,sans-serif\">");
        sb.Append("<title>").Append(Html.E(title)).Append("</title>");
        for (var i = 0; i < counts.Count; i++)
        {
            var c = counts[i];
            var y = i * rowHeight;
            var barWidth = c.Count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)c.Count / max * barSpace));
            sb.Append(CultureInfo.InvariantCulture, $"<g data-key=\"{Html.E(c.Key)}\"><text x=\"0\" y=\"{y + 12}\" font-size=\"11\" fill=\"#52606d\">{Html.E(c.Label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + labelHeight}\" width=\"{barSpace}\" height=\"{barHeight}\" rx=\"3\" fill=\"#eef1f4\"/>");
            if (barWidth > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + labelHeight}\" width=\"{barWidth}\" height=\"{barHeight}\" rx=\"3\" fill=\"{colour}\"/>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{barSpace + 6}\" y=\"{y + labelHeight + 11}\" font-size=\"12\" font-weight=\"600\" fill=\"#1f2933\">{c.Count}</text></g>");
        }

        return sb.Append("</svg>").ToString();
    }

    private static string CountTable(string heading, IReadOnlyList<DashboardCount> counts, string kind)
    {
        var sb = new StringBuilder("<div style=\"overflow-x:auto\"><table style=\"").Append(Table).Append("\"><thead><tr><th style=\"").Append(Cell).Append("\">")
            .Append(Html.E(heading)).Append("</th><th style=\"").Append(Number).Append("\">Jumlah</th><th style=\"").Append(Number).Append("\">Nilai diajukan</th></tr></thead><tbody>");
        foreach (var c in counts)
        {
            // Status and regency counts open the list filtered to them; weeks have no list filter.
            var label = kind is "status" or "regency" && c.Count > 0
                ? "<a href=\"/api/admin/applications?" + kind + "=" + Uri.EscapeDataString(c.Key) + "\">" + Html.E(c.Label) + "</a>"
                : Html.E(c.Label);
            sb.Append("<tr data-").Append(kind).Append("=\"").Append(Html.E(c.Key)).Append("\" data-count=\"").Append(c.Count).Append("\"><td style=\"").Append(Cell).Append("\">")
                .Append(label).Append("</td><td style=\"").Append(Number).Append("\">").Append(c.Count)
                .Append("</td><td style=\"").Append(Number).Append("\">").Append(Html.E(Rupiah.Format(c.Amount))).Append("</td></tr>");
        }

        var total = counts.Sum(c => c.Amount);
        return sb.Append("</tbody><tfoot><tr><td style=\"").Append(Cell).Append("\"><strong>Jumlah</strong></td><td style=\"").Append(Number).Append("\"><strong>")
            .Append(counts.Sum(c => c.Count)).Append("</strong></td><td style=\"").Append(Number).Append("\" data-total-amount=\"").Append(total).Append("\"><strong>")
            .Append(Html.E(Rupiah.Format(total))).Append("</strong></td></tr></tfoot></table></div>").ToString();
    }

    private static string ItemTable(IReadOnlyList<AdminListItem> items, string empty)
    {
        if (items.Count == 0)
        {
            return "<p class=\"muted\">" + Html.E(empty) + "</p>";
        }

        var sb = new StringBuilder("<div style=\"overflow-x:auto\"><table style=\"").Append(Table).Append("\"><thead><tr>");
        foreach (var h in new[] { "Pemohon", "Kabupaten/kota", "Status", "Nilai", "Batas waktu" })
        {
            sb.Append("<th style=\"").Append(Cell).Append("\">").Append(h).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var item in items)
        {
            sb.Append("<tr data-application=\"").Append(Html.E(item.ApplicationId)).Append("\"><td style=\"").Append(Cell).Append("\">")
                .Append(Html.E(item.ApplicantName)).Append("<br><span class=\"muted\" style=\"font-family:monospace;font-size:.8em\">").Append(Html.E(item.ApplicationId)).Append("</span></td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(Html.E(item.RegencyName ?? item.Regency)).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(Html.E(item.Status.Label())).Append("</td>")
                .Append("<td style=\"").Append(Number).Append("\">").Append(Html.E(Rupiah.Format(item.Amount))).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(Html.E(item.Deadline is { } d ? Wita.FormatTimestamp(d) : "—")).Append("</td></tr>");
        }

        return sb.Append("</tbody></table></div>").ToString();
    }
}
