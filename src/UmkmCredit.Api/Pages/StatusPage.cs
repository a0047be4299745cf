using System.Text;
using UmkmCredit.Api.Intake;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Privacy;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Pages;

/// <summary>What the status page shows besides the status: a notice after an action, forms shown again with messages.</summary>
/// <param name="Token">The applicant's token (carried in hidden fields and the documented <c>?token=</c>).</param>
/// <param name="Notice">A sentence after a successful action (303 back here).</param>
/// <param name="Upload">The upload form's messages.</param>
/// <param name="Resubmit">The resubmission form as typed, with messages (null: prefilled from the stored application).</param>
/// <param name="ConfirmWithdraw">True to show the withdrawal confirmation step.</param>
/// <param name="ConfirmErase">True to show the erasure confirmation step.</param>
public sealed record StatusPageContext(string Token, string? Notice = null, FormState? Upload = null, FormState? Resubmit = null, bool ConfirmWithdraw = false, bool ConfirmErase = false);

/// <summary>The applicant's status page: a stepper, whose turn it is, and the forms the status allows (plain posts, 303 back).</summary>
public static class StatusPage
{
    private static readonly (string Label, ApplicationStatus[] States)[] Steps =
    [
        ("Diajukan", [ApplicationStatus.Submitted]),
        ("Dokumen", [ApplicationStatus.AwaitingDocuments]),
        ("Penilaian", [ApplicationStatus.InReview, ApplicationStatus.RevisionRequested]),
        ("Tanda tangan", [ApplicationStatus.Approved, ApplicationStatus.AwaitingSignatures]),
        ("Selesai", [ApplicationStatus.Completed]),
    ];

    /// <summary>Renders the page.</summary>
    public static string Render(ApplicationStatusView view, StoredApplication stored, StatusPageContext context, SchemeCatalog schemes, DateOnly today, bool offerWhatsApp)
    {
        var app = stored.Application;
        var id = stored.ApplicationId;
        var tokenQuery = "?token=" + Uri.EscapeDataString(context.Token);
        var hidden = "<input type=\"hidden\" name=\"token\" value=\"" + Html.E(context.Token) + "\">";
        var sb = new StringBuilder(ApplicantScript.Style);
        sb.Append("<h1>Status permohonan</h1>");
        if (context.Notice is { } notice)
        {
            sb.Append("<div class=\"notice\" role=\"status\" id=\"notice\">").Append(Html.E(notice)).Append("</div>");
        }

        var errors = (context.Upload?.Errors ?? []).Concat(context.Resubmit?.Errors ?? []).ToList();
        ApplicationFormFields.Summary(sb, new FormState(new Dictionary<string, string>(), errors), ApplicationFormFields.Anchor);

        sb.Append("<div class=\"card\"><p class=\"muted\">Nomor permohonan</p><p class=\"reference\" id=\"reference\">").Append(Html.E(view.Reference ?? id)).Append("</p>");
        sb.Append("<p><span class=\"status\" data-status=\"").Append(view.Status).Append("\">").Append(Html.E(Labels.Status(view.Status))).Append("</span></p>");
        Stepper(sb, view.Status);
        var approved = view.Review is { Decision: "approve" } ? view.Review.ApprovedAmount ?? app.Request.Amount : (long?)null;
        var facts = new List<(string, string?)>
        {
            ("Usaha", app.Business.Name),
            ("Kabupaten/kota", Labels.Regency(app.Business.RegencyCode)),
            ("Skema", Labels.Scheme(app.Request.SchemeCode)),
            ("Nilai diajukan", Rupiah.Format(app.Request.Amount)),
        };
        if (approved is { } amount)
        {
            facts.Add(("Nilai disetujui", Rupiah.Format(amount)));
        }

        facts.Add(("Diajukan", Wita.FormatTimestamp(view.SubmittedAt)));
        facts.Add(("Batas waktu", view.Deadline is { } d && !view.Status.IsTerminal() ? Wita.FormatTimestamp(d) : "—"));
        sb.Append(Html.Facts(facts));
        sb.Append("<p id=\"turn\"><strong>Giliran: </strong>").Append(Html.E(Turn(view, app))).Append("</p></div>");

        if (approved is not null && view.Review is { } review)
        {
            sb.Append("<div class=\"card\" id=\"approval\"><h2>Disetujui</h2><p>Nilai yang disetujui: <strong id=\"approved-amount\">")
              .Append(Html.E(Rupiah.Format(approved.Value))).Append("</strong>").Append(approved < app.Request.Amount ? " (lebih kecil dari yang diajukan)" : string.Empty).Append("</p>");
            if (review.Recommendations.Count > 0)
            {
                sb.Append("<p>Komitmen pendampingan dari dinas (OPD), menjadi bagian perjanjian:</p><ul id=\"commitments\">");
                foreach (var r in review.Recommendations)
                {
                    sb.Append("<li>").Append(Html.E(r)).Append("</li>");
                }

                sb.Append("</ul>");
            }

            sb.Append("</div>");
        }

        if (view.Reasons.Count > 0)
        {
            sb.Append("<div class=\"card\"><h2>Alasan</h2><ul>");
            foreach (var reason in view.Reasons)
            {
                sb.Append("<li>").Append(Html.E(reason)).Append("</li>");
            }

            sb.Append("</ul></div>");
        }

        if (ApplicationRules.MayResubmit(view.Status).Allowed)
        {
            var state = context.Resubmit ?? FormState.From(app);
            sb.Append("<div class=\"card\" id=\"revision\"><h2>Perbaikan diminta</h2>");
            if (view.Review?.Note is { Length: > 0 } note)
            {
                sb.Append("<p>Catatan petugas").Append(view.Review.Reviewer is { Length: > 0 } who ? " (" + Html.E(who) + ")" : string.Empty)
                  .Append(":</p><blockquote id=\"reviewer-note\">").Append(Html.E(note)).Append("</blockquote>");
            }

            sb.Append("<p>Perbaiki data di bawah ini lalu kirim. Dokumen pengganti dapat diunggah di bagian Dokumen.</p>");
            sb.Append("<form method=\"post\" action=\"/api/applications/").Append(id).Append("/resubmit\" novalidate>").Append(hidden);
            ApplicationFormFields.Fields(sb, state, schemes, today);
            ApplicationFormFields.Consent(sb, state, offerWhatsApp);
            sb.Append("<button type=\"submit\" id=\"resubmit\">Kirim perbaikan</button></form></div>");
        }

        Documents(sb, view, app, context, schemes, today, hidden);

        if (view.Agreement is { } agreement)
        {
            var signed = view.Status == ApplicationStatus.Completed;
            sb.Append("<div class=\"card\"><h2>Perjanjian</h2><p>Nomor ").Append(Html.E(agreement.Number)).Append("</p><p><a id=\"agreement-link\" href=\"/api/applications/")
              .Append(id).Append("/agreement").Append(Html.E(tokenQuery)).Append("\" download>")
              .Append(signed ? "Unduh perjanjian bertanda tangan (PDF)" : "Unduh draf perjanjian (PDF)").Append("</a></p></div>");
        }

        if (ApplicationRules.MayWithdraw(view.Status).Allowed)
        {
            sb.Append("<div class=\"card\" id=\"withdrawal\"><h2>Tarik permohonan</h2>");
            sb.Append("<form method=\"post\" action=\"/api/applications/").Append(id).Append("/withdraw\">").Append(hidden);
            if (context.ConfirmWithdraw)
            {
                sb.Append("<p><strong>Yakin menarik permohonan ").Append(Html.E(view.Reference ?? id)).Append("?</strong> Permohonan yang ditarik tidak dapat dilanjutkan; Anda perlu mengajukan permohonan baru.</p>")
                  .Append("<input type=\"hidden\" name=\"confirm\" value=\"ya\"><button type=\"submit\" class=\"danger\" id=\"confirm-withdraw\">Ya, tarik permohonan</button></form>")
                  .Append("<p><a href=\"/api/applications/").Append(id).Append(Html.E(tokenQuery)).Append("\">Batal, kembali ke status</a></p>");
            }
            else
            {
                sb.Append("<p class=\"muted\">Jika Anda tidak lagi membutuhkan kredit ini.</p><button type=\"submit\" class=\"secondary\" id=\"withdraw\">Tarik permohonan…</button></form>");
            }

            sb.Append("</div>");
        }

        PersonalData(sb, view, id, tokenQuery, hidden, context.ConfirmErase);
        sb.Append("<div class=\"card\"><h2>Riwayat</h2><ul class=\"history\">");
        foreach (var h in view.History)
        {
            sb.Append("<li>").Append(Html.E(Wita.FormatTimestamp(h.At))).Append(" — ").Append(Html.E(Labels.Status(h.Status)));
            if (!string.IsNullOrEmpty(h.Note))
            {
                sb.Append(": ").Append(Html.E(h.Note));
            }

            sb.Append("</li>");
        }

        sb.Append("</ul></div>");
        return Html.Page(context.ConfirmWithdraw ? "Konfirmasi penarikan" : context.ConfirmErase ? "Konfirmasi penghapusan data" : "Status permohonan", sb.ToString(), ApplicantScript.Script);
    }

    // UU 27/2022 (PDP): the applicant's own data, downloadable at any time; erasable once final and unsigned.
    private static void PersonalData(StringBuilder sb, ApplicationStatusView view, string id, string tokenQuery, string hidden, bool confirm)
    {
        sb.Append("<div class=\"card\" id=\"personal-data\"><h2>Data pribadi</h2><p><a id=\"export-link\" href=\"/api/applications/").Append(id).Append("/export")
          .Append(Html.E(tokenQuery)).Append("\" download>Unduh data saya</a> <span class=\"muted\">(ZIP: data permohonan, dokumen, riwayat, jejak audit, perjanjian)</span></p>");
        var erasable = PersonalDataRules.MayErase(view.Status, view.Status == ApplicationStatus.Completed);
        if (erasable.Allowed)
        {
            sb.Append("<form method=\"post\" action=\"/api/applications/").Append(id).Append("/erase\">").Append(hidden);
            if (confirm)
            {
                sb.Append("<p><strong>Yakin menghapus data pribadi dan dokumen permohonan ").Append(Html.E(view.Reference ?? id)).Append("?</strong> Penghapusan tidak dapat dibatalkan. Unduh data Anda lebih dulu bila masih diperlukan. Yang tersisa hanya catatan tanpa data pribadi (nomor, kabupaten/kota, status, tanggal).</p>")
                  .Append("<input type=\"hidden\" name=\"confirm\" value=\"ya\"><button type=\"submit\" class=\"danger\" id=\"confirm-erase\">Ya, hapus data saya</button></form>")
                  .Append("<p><a href=\"/api/applications/").Append(id).Append(Html.E(tokenQuery)).Append("\">Batal, kembali ke status</a></p>");
            }
            else
            {
                sb.Append("<p class=\"muted\">Permohonan ini sudah berakhir. Anda dapat meminta data pribadi dan dokumennya dihapus.</p><button type=\"submit\" class=\"secondary\" id=\"erase\">Hapus data saya…</button></form>");
            }
        }
        else
        {
            sb.Append("<p class=\"muted\" id=\"erase-refusal\">").Append(Html.E(erasable.Refusal)).Append("</p>");
        }

        sb.Append("</div>");
    }

    private static void Stepper(StringBuilder sb, ApplicationStatus status)
    {
        var now = Array.FindIndex(Steps, s => s.States.Contains(status));
        var final = status == ApplicationStatus.Completed;
        sb.Append("<ol class=\"steps\" id=\"steps\">");
        for (var i = 0; i < Steps.Length; i++)
        {
            var css = final || (now >= 0 && i < now) ? "done" : i == now ? "now" : string.Empty;
            sb.Append("<li class=\"").Append(css).Append('"').Append(i == now && !final ? " aria-current=\"step\"" : string.Empty).Append('>').Append(Steps[i].Label).Append("</li>");
        }

        sb.Append("</ol>");
        if (now < 0)
        {
            sb.Append("<p class=\"muted\">Permohonan ini sudah berakhir: ").Append(Html.E(Labels.Status(status))).Append(".</p>");
        }
    }

    private static string Turn(ApplicationStatusView view, CreditApplication app)
    {
        var by = view.Deadline is { } d ? " sebelum " + Wita.FormatTimestamp(d) : string.Empty;
        return view.Status switch
        {
            ApplicationStatus.Submitted => "sistem sedang memeriksa permohonan Anda.",
            ApplicationStatus.AwaitingDocuments => "Anda — unggah dokumen yang kurang" + by + ".",
            ApplicationStatus.InReview => "petugas dinas (OPD)" + (view.Review?.Reviewer is { Length: > 0 } r ? " " + r : string.Empty) + " — keputusan" + by + ".",
            ApplicationStatus.RevisionRequested => "Anda — kirim perbaikan" + by + ".",
            ApplicationStatus.Approved => "sistem sedang menyiapkan perjanjian.",
            ApplicationStatus.AwaitingSignatures => PendingSigners(view, app) + by + ".",
            _ => "tidak ada lagi yang perlu dilakukan.",
        };
    }

    private static string PendingSigners(ApplicationStatusView view, CreditApplication app)
    {
        var pending = view.Signatures.Where(s => s.Status == "Pending").ToList();
        if (pending.Count == 0)
        {
            return "penanda tangan";
        }

        var names = string.Join(", ", pending.Select(s => $"{Labels.SignerRole(s.Role)} ({s.Name})"));
        return pending.Any(s => string.Equals(s.Name, app.Applicant.FullName, StringComparison.OrdinalIgnoreCase))
            ? "tanda tangan " + names + " — tautan tanda tangan ada di e-mail Anda"
            : "tanda tangan " + names;
    }

    private static void Documents(StringBuilder sb, ApplicationStatusView view, CreditApplication app, StatusPageContext context, SchemeCatalog schemes, DateOnly today, string hidden)
    {
        sb.Append("<div class=\"card\" id=\"documents\"><h2>Dokumen</h2><ul>");
        foreach (var doc in view.Documents)
        {
            sb.Append("<li data-kind=\"").Append(Html.E(doc.Kind)).Append("\">").Append(Html.E(Labels.DocumentKind(doc.Kind))).Append(" <span class=\"muted\">(")
              .Append(Html.E(Labels.ContentType(doc.ContentType))).Append(", ").Append((doc.Size / 1024) + 1).Append(" KB)</span></li>");
        }

        if (view.Documents.Count == 0)
        {
            sb.Append("<li class=\"muted\">Belum ada dokumen.</li>");
        }

        sb.Append("</ul>");
        var have = view.Documents.Select(d => d.Kind).ToHashSet(StringComparer.Ordinal);
        var missing = schemes.Find(app.Request.SchemeCode, today) is { } version
            ? ApplicationFormFields.Required(version, app.Request.Amount).Where(r => !r.AnyOf.Any(have.Contains)).ToList()
            : [];
        if (missing.Count > 0)
        {
            sb.Append("<p><strong>Masih kurang:</strong></p><ul id=\"missing\">");
            foreach (var (_, text) in missing)
            {
                sb.Append("<li>").Append(Html.E(text)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        if (ApplicationRules.MayChangeDocuments(view.Status).Allowed)
        {
            var kinds = missing.SelectMany(m => m.AnyOf).Concat(DocumentKinds.All).Distinct(StringComparer.Ordinal);
            sb.Append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"/api/applications/").Append(view.ApplicationId).Append("/documents\" data-enhance novalidate>")
              .Append(hidden).Append("<h2>Unggah dokumen yang kurang atau pengganti</h2>");
            ApplicationFormFields.Files(sb, context.Upload ?? FormState.Empty, kinds);
            sb.Append(ApplicantScript.ProgressMarkup).Append("<button type=\"submit\" id=\"upload-documents\">Unggah dokumen</button></form>");
        }

        sb.Append("</div>");
    }
}
