using System.Text;
using UmkmCredit.Api.Intake;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Workflow.Notifications;

namespace UmkmCredit.Api.Pages;

/// <summary>The applicant's status page.</summary>
public static class StatusPage
{
    /// <summary>Renders the page for a status view.</summary>
    public static string Render(ApplicationStatusView view, CreditApplication application)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Status permohonan</h1><div class=\"card\">");
        sb.Append("<p><span class=\"status\" data-status=\"").Append(view.Status).Append("\">").Append(Html.E(StatusLabels.Of(view.Status))).Append("</span></p>");
        sb.Append(Html.Facts(
        [
            ("Nomor permohonan", view.ApplicationId),
            ("Usaha", application.Business.Name),
            ("Kabupaten/kota", Regencies.TryGet(application.Business.RegencyCode, out var r) ? r.Name : application.Business.RegencyCode),
            ("Nilai diajukan", Rupiah.Format(application.Request.Amount)),
            ("Diajukan", Wita.FormatTimestamp(view.SubmittedAt)),
            ("Batas waktu", view.Deadline is { } d ? Wita.FormatTimestamp(d) : "—"),
        ]));
        sb.Append("</div>");
        if (view.Reasons.Count > 0)
        {
            sb.Append("<div class=\"card\"><h2>Alasan</h2><ul>");
            foreach (var reason in view.Reasons)
            {
                sb.Append("<li>").Append(Html.E(reason)).Append("</li>");
            }

            sb.Append("</ul></div>");
        }

        sb.Append("<div class=\"card\"><h2>Dokumen</h2><ul>");
        foreach (var doc in view.Documents)
        {
            sb.Append("<li>").Append(Html.E(DocumentKinds.Label(doc.Kind))).Append(" <span class=\"muted\">(").Append(Html.E(doc.ContentType)).Append(", ")
                .Append(doc.Size / 1024 + 1).Append(" KB)</span></li>");
        }

        if (view.Documents.Count == 0)
        {
            sb.Append("<li class=\"muted\">Belum ada dokumen.</li>");
        }

        sb.Append("</ul></div><div class=\"card\"><h2>Riwayat</h2><ul class=\"history\">");
        foreach (var h in view.History)
        {
            sb.Append("<li>").Append(Html.E(Wita.FormatTimestamp(h.At))).Append(" — ").Append(Html.E(StatusLabels.Of(h.Status)));
            if (!string.IsNullOrEmpty(h.Note))
            {
                sb.Append(": ").Append(Html.E(h.Note));
            }

            sb.Append("</li>");
        }

        sb.Append("</ul></div>");
        return Html.Page("Status permohonan", sb.ToString());
    }
}
