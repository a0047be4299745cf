using System.Globalization;
using System.Text;
using UmkmCredit.Api.Admin;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Api.Pages;

/// <summary>The admin console's pages: sign-in, list with filters and paging, detail with timeline, audit and action forms.</summary>
public static class AdminPages
{
    /// <summary>The sign-in form (the key is posted, never put in a URL).</summary>
    public static string SignIn(string? error, string? notice = null) => Html.Page("Masuk admin",
        "<h1>Konsol admin program</h1>" + (notice is null ? string.Empty : "<p class=\"muted\" id=\"notice\">" + Html.E(notice) + "</p>")
        + "<form class=\"card\" method=\"post\" action=\"/api/admin/session\" id=\"sign-in\"><label for=\"key\">Kunci admin</label>"
        + "<input type=\"password\" id=\"key\" name=\"key\" autocomplete=\"current-password\" required>"
        + "<p class=\"field-error error\" data-error=\"key\" role=\"alert\">" + Html.E(error) + "</p>"
        + "<button type=\"submit\" id=\"sign-in-button\">Masuk</button><p class=\"muted\">Sesi berlaku 8 jam di peramban ini saja.</p></form>");

    /// <summary>The list with its filter form and the link to the next page.</summary>
    public static string List(ApplicationListPage page, ListApplicationsQuery query)
    {
        var sb = new StringBuilder("<h1>Daftar permohonan</h1>").Append(Nav());
        sb.Append("<form class=\"card\" method=\"get\" action=\"/api/admin/applications\" id=\"filters\"><div class=\"row\"><div><label for=\"status\">Status</label><select id=\"status\" name=\"status\"><option value=\"\">Semua</option>");
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            sb.Append("<option value=\"").Append(status).Append('"').Append(query.Status == status.ToString() ? " selected" : string.Empty).Append('>').Append(Html.E(Labels.Status(status))).Append("</option>");
        }

        sb.Append("</select></div><div><label for=\"regency\">Kabupaten/kota</label><select id=\"regency\" name=\"regency\"><option value=\"\">Semua</option>");
        foreach (var r in Regencies.All)
        {
            sb.Append("<option value=\"").Append(r.Code).Append('"').Append(query.Regency == r.Code ? " selected" : string.Empty).Append('>').Append(Html.E(r.Name)).Append("</option>");
        }

        sb.Append("</select></div></div><label class=\"check\"><input type=\"checkbox\" name=\"overdue\" value=\"true\"").Append(query.Overdue == "true" ? " checked" : string.Empty)
          .Append("> Hanya yang melewati tenggat</label><button type=\"submit\" id=\"apply-filters\">Tampilkan</button></form>");
        sb.Append("<div class=\"card table-wrap\"><table id=\"applications\"><thead><tr><th>Pemohon</th><th>Kabupaten/kota</th><th>Nilai</th><th>Status</th><th>Diajukan</th></tr></thead><tbody>");
        foreach (var e in page.Items)
        {
            var overdue = ApplicationRules.IsOverdue(e.Status, e.DeadlineUtc, page.NowUtc);
            sb.Append("<tr data-id=\"").Append(Html.E(e.ApplicationId)).Append("\" data-status=\"").Append(e.Status).Append("\"><td><a href=\"/api/admin/applications/").Append(Html.E(e.ApplicationId)).Append("\">")
              .Append(Html.E(e.ApplicantName)).Append("</a></td><td>").Append(Html.E(Labels.Regency(e.RegencyCode))).Append("</td><td>").Append(Html.E(Rupiah.Format(e.Amount)))
              .Append("</td><td>").Append(Html.E(Labels.Status(e.Status))).Append(overdue ? " <strong class=\"error\">(lewat tenggat)</strong>" : string.Empty)
              .Append("</td><td>").Append(Html.E(Wita.FormatTimestamp(e.SubmittedAtUtc))).Append("</td></tr>");
        }

        if (page.Items.Count == 0)
        {
            sb.Append("<tr><td colspan=\"5\" class=\"muted\" id=\"empty\">Tidak ada permohonan yang cocok dengan saringan.</td></tr>");
        }

        sb.Append("</tbody></table></div>");
        if (page.ContinuationToken is { } next)
        {
            sb.Append("<p><a class=\"button\" id=\"next-page\" href=\"/api/admin/applications?").Append(Html.E(ListQuery(query.Status, query.Regency, query.Overdue, next))).Append("\">Halaman berikutnya</a></p>");
        }

        return Html.Page("Daftar permohonan", sb.ToString());
    }

    /// <summary>The query string of a filtered list (no key, no personal data).</summary>
    public static string ListQuery(string? status, string? regency, string? overdue, string? continuation = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("status", status);
        Add("regency", regency);
        Add("overdue", overdue);
        Add("continuationToken", continuation);
        return string.Join("&", parts);
    }

    /// <summary>The detail with timeline, documents, signers, audit (labels and names, never codes) and the action forms.</summary>
    public static string Detail(ApplicationDetail d, string csrf, OpdOptions opd, IReadOnlyDictionary<string, string> names, string? done = null, Failure? failure = null, string? form = null)
    {
        var a = d.Stored.Application;
        var s = d.Snapshot;
        var id = Html.E(d.Stored.ApplicationId);
        var sb = new StringBuilder("<h1>").Append(Html.E(a.Business.Name)).Append("</h1>").Append(Nav());
        if (done is not null)
        {
            sb.Append("<div class=\"verdict ok\" id=\"done\">").Append(Html.E(done switch
            {
                "remind" => "Pengingat sudah dikirim ulang.",
                "reassign" => "Penilaian sudah dialihkan. Tautan lama tidak berlaku lagi.",
                "cancel" => "Permohonan dibatalkan.",
                "webhook" => "Pemberitahuan akan dikirim ulang ke sistem penerima.",
                _ => "Tindakan tercatat.",
            })).Append("</div>");
        }

        sb.Append(OfficialPages.Notice(failure));
        sb.Append("<div class=\"card\">").Append(Html.Facts(
        [
            ("Status", Labels.Status(s.Status) + (d.Overdue ? " (lewat tenggat)" : string.Empty)),
            ("Pemohon", a.Applicant.FullName),
            ("NIK", a.Applicant.Nik),
            ("Telepon / e-mail", a.Applicant.Phone + " / " + a.Applicant.Email),
            ("Kabupaten/kota", Labels.Regency(a.Business.RegencyCode)),
            ("Sektor", Labels.Sector(a.Business.Sector)),
            ("Skema", Labels.Scheme(a.Request.SchemeCode)),
            ("Nilai", Rupiah.FormatWithWords(a.Request.Amount)),
            ("Jangka waktu", $"{a.Request.TenorMonths} bulan"),
            ("Tujuan", Labels.Purpose(a.Request.Purpose)),
            ("Diajukan", Wita.FormatTimestamp(d.Stored.SubmittedAtUtc)),
            ("Tenggat", s.DeadlineUtc is { } dl ? Wita.FormatTimestamp(dl) : "—"),
        ])).Append("</div>");

        sb.Append("<div class=\"card\"><h2>Riwayat status</h2><ol id=\"timeline\">");
        foreach (var h in s.History)
        {
            sb.Append("<li>").Append(Html.E(Wita.FormatTimestamp(h.At))).Append(" — <strong>").Append(Html.E(Labels.Status(h.Status))).Append("</strong>")
              .Append(h.Note is { Length: > 0 } note ? " — " + Html.E(note) : string.Empty).Append("</li>");
        }

        sb.Append("</ol><h2>Dokumen</h2><ul id=\"documents\">");
        foreach (var doc in d.Documents)
        {
            sb.Append("<li>").Append(Html.E(Labels.DocumentKind(doc.Kind))).Append(" <span class=\"muted\">").Append(Html.E(Labels.ContentType(doc.ContentType))).Append(", ")
              .Append((doc.Size / 1024).ToString(CultureInfo.InvariantCulture)).Append(" KB</span></li>");
        }

        sb.Append("</ul>");
        if (s.Signatures is { Count: > 0 } signatures)
        {
            sb.Append("<h2>Penanda tangan</h2><ul id=\"signers\">");
            foreach (var sig in signatures)
            {
                sb.Append("<li>").Append(Html.E(Labels.SignerRole(sig.Role))).Append(": ").Append(Html.E(sig.Name)).Append(" — ")
                  .Append(Html.E(sig.Status switch { Workflow.Contracts.SignatureState.Signed => "sudah menandatangani", Workflow.Contracts.SignatureState.Declined => "menolak", _ => "belum" })).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</div>");
        sb.Append(Actions(d, csrf, opd, failure, form));
        sb.Append(WebhookDeliveries(d, csrf));
        sb.Append("<div class=\"card table-wrap\"><h2>Jejak audit</h2><table id=\"audit\"><thead><tr><th>Waktu</th><th>Peristiwa</th><th>Pelaku</th><th>Keterangan</th></tr></thead><tbody>");
        foreach (var e in d.Audit)
        {
            sb.Append("<tr><td>").Append(Html.E(Wita.FormatTimestamp(e.AtUtc))).Append("</td><td>").Append(Html.E(Labels.AuditEvent(e.Event))).Append("</td><td>")
              .Append(Html.E(Workflow.Catalog.ActorNames.Display(e.Actor, names))).Append("</td><td>").Append(Html.E(e.Detail)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div>");
        return Html.Page("Permohonan " + a.Business.Name, sb.ToString());
    }

    /// <summary>Deliveries to other systems, in words, each with a form that sends it again.</summary>
    private static string WebhookDeliveries(ApplicationDetail d, string csrf)
    {
        if (d.WebhookDeliveries is not { Count: > 0 } deliveries)
        {
            return string.Empty;
        }

        var sb = new StringBuilder("<div class=\"card table-wrap\"><h2>Pemberitahuan ke sistem lain</h2><table id=\"webhooks\"><thead><tr><th>Peristiwa</th><th>Alamat penerima</th><th>Percobaan</th><th>Keadaan</th><th></th></tr></thead><tbody>");
        foreach (var w in deliveries)
        {
            var state = Workflow.Catalog.WebhookEventTypes.StatusLabel(w.Status.ToString());
            if (w.Status == Workflow.Webhooks.WebhookDeliveryStatus.Pending && w.Attempts > 0)
            {
                state = "gagal, dicoba lagi nanti";
            }

            var last = w.LastAttemptUtc is { } at ? $" (terakhir {Wita.FormatTimestamp(at)}: {w.LastResult})" : string.Empty;
            sb.Append("<tr><td>").Append(Html.E(Workflow.Catalog.WebhookEventTypes.Label(w.Type))).Append("</td><td>").Append(Html.E(w.Url)).Append("</td><td>")
              .Append(w.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" kali</td><td>").Append(Html.E(state + last)).Append("</td><td>")
              .Append("<form method=\"post\" action=\"/api/admin/webhooks/").Append(Html.E(w.DeliveryId)).Append("/redeliver\">")
              .Append("<input type=\"hidden\" name=\"").Append(AdminSession.CsrfField).Append("\" value=\"").Append(Html.E(csrf)).Append("\">")
              .Append("<button type=\"submit\">Kirim ulang</button></form></td></tr>");
        }

        return sb.Append("</tbody></table></div>").ToString();
    }

    private static string Actions(ApplicationDetail d, string csrf, OpdOptions opd, Failure? failure, string? form)
    {
        var id = Html.E(d.Stored.ApplicationId);
        var errors = failure?.Errors;
        var status = d.Snapshot.Status;
        var sb = new StringBuilder();
        string Csrf() => "<input type=\"hidden\" name=\"" + AdminSession.CsrfField + "\" value=\"" + Html.E(csrf) + "\">";
        string Confirm(string action, string text) => "<label class=\"check\"><input type=\"checkbox\" name=\"confirm\" value=\"ya\" id=\"confirm-" + action + "\"> " + Html.E(text) + "</label>"
            + (form == action ? OfficialPages.FieldError(errors, "confirm") : string.Empty);
        if (status is ApplicationStatus.InReview or ApplicationStatus.AwaitingSignatures)
        {
            sb.Append("<form class=\"card\" method=\"post\" action=\"/api/admin/applications/").Append(id).Append("/remind\" id=\"remind-form\"><h2>Kirim ulang tautan</h2>").Append(Csrf())
              .Append(Confirm("remind", "Ya, kirim ulang tautan yang sedang menunggu sekarang")).Append("<button type=\"submit\" id=\"remind\">Kirim pengingat</button></form>");
        }

        if (status == ApplicationStatus.InReview)
        {
            var regency = d.Stored.Application.Business.RegencyCode;
            var serving = opd.Reviewers.TryGetValue(regency, out var list)
                ? list.SelectMany(r => new[] { r.Reviewer, r.Supervisor }).DistinctBy(x => x.Id).ToList()
                : [];
            sb.Append("<form class=\"card\" method=\"post\" action=\"/api/admin/applications/").Append(id).Append("/reassign\" id=\"reassign-form\"><h2>Alihkan penilaian</h2>").Append(Csrf())
              .Append("<label for=\"reviewerId\">Penilai di ").Append(Html.E(Labels.Regency(regency))).Append("</label><select id=\"reviewerId\" name=\"reviewerId\"><option value=\"\">Pilih penilai</option>");
            foreach (var actor in serving)
            {
                sb.Append("<option value=\"").Append(Html.E(actor.Id)).Append("\">").Append(Html.E(actor.Name)).Append(actor.Title is { Length: > 0 } t ? " — " + Html.E(t) : string.Empty).Append("</option>");
            }

            sb.Append("</select>").Append(form == "reassign" ? OfficialPages.FieldError(errors, "reviewerId") : string.Empty)
              .Append(Confirm("reassign", "Ya, alihkan; tautan penilai sekarang tidak berlaku lagi")).Append("<button type=\"submit\" id=\"reassign\">Alihkan</button></form>");
        }

        if (!status.IsTerminal())
        {
            sb.Append("<form class=\"card\" method=\"post\" action=\"/api/admin/applications/").Append(id).Append("/cancel\" id=\"cancel-form\"><h2>Batalkan permohonan</h2>").Append(Csrf())
              .Append("<label for=\"reason\">Alasan pembatalan (dikirim kepada pemohon)</label><textarea id=\"reason\" name=\"reason\" maxlength=\"2000\"></textarea>")
              .Append(form == "cancel" ? OfficialPages.FieldError(errors, "reason") : string.Empty)
              .Append(Confirm("cancel", "Ya, batalkan permohonan ini; tidak dapat diurungkan")).Append("<button type=\"submit\" class=\"danger\" id=\"cancel\">Batalkan permohonan</button></form>");
        }

        return sb.ToString();
    }

    private static string Nav() =>
        "<p class=\"muted\"><a href=\"/api/admin/dashboard\">Dasbor</a> · <a href=\"/api/admin/applications\">Daftar permohonan</a> · <a href=\"/api/admin#export\">Ekspor SIKP</a></p>";

    /// <summary>The SIKP export form (a GET the session cookie admits; dates only in the URL).</summary>
    public static string ExportForm() =>
        "<form class=\"card\" method=\"get\" action=\"/api/admin/export/sikp\" id=\"export\"><h2>Ekspor SIKP</h2><div class=\"row\"><div><label for=\"from\">Dari tanggal</label><input type=\"date\" id=\"from\" name=\"from\" required></div>"
        + "<div><label for=\"to\">Sampai tanggal</label><input type=\"date\" id=\"to\" name=\"to\" required></div></div><button type=\"submit\" id=\"export-button\">Unduh berkas SIKP</button></form>";
}
