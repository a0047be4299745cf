using System.Globalization;
using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Review;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.UseCases.Review;

namespace UmkmCredit.Api.Pages;

/// <summary>What the reviewer typed, kept when the form is shown again (after an error or "ubah").</summary>
public sealed record ReviewForm(string? Decision, string? Note, string? ApprovedAmount, string? Recommendations)
{
    /// <summary>An empty form.</summary>
    public static ReviewForm Empty { get; } = new(null, null, null, null);
}

/// <summary>The OPD reviewer's page: summary, decision aid, documents, the decision form and its confirmation step.</summary>
public static class ReviewPage
{
    /// <summary>Renders the page (all untrusted text encoded), with the typed values and messages at their fields.</summary>
    public static string Render(string token, ReviewCase found, DateOnly today, ReviewForm? form = null, IReadOnlyList<ValidationError>? errors = null)
    {
        form ??= ReviewForm.Empty;
        errors = errors?.Select(e => e.Code == "decision.invalid" ? e with { Message = "Pilih salah satu keputusan." } : e).ToList();
        var stored = found.Stored;
        var link = found.Link;
        var screening = found.Screening;
        var a = stored.Application;
        var t = Html.E(token);
        var sb = new StringBuilder();
        sb.Append("<h1>Penilaian permohonan kredit UMKM</h1>");
        sb.Append("<p class=\"muted\">Penilai: ").Append(Html.E(link.ActorName)).Append(" · batas waktu ").Append(Html.E(Wita.FormatTimestamp(link.ExpiresAtUtc))).Append("</p>");
        if (found.Snapshot.Review is { Level: 2, FirstLevel: { } first })
        {
            // Four-eyes: the supervisor sees that this is the second level and what the first reviewer decided.
            sb.Append("<div class=\"card\" id=\"second-level\"><h2>Persetujuan tingkat kedua</h2>")
              .Append("<p>Penilai pertama menyetujui permohonan ini di atas batas kewenangannya. Keputusan Anda menentukan hasil akhirnya.</p>")
              .Append(Html.Facts(
              [
                  ("Penilai tingkat 1", first.ReviewerName),
                  ("Keputusan", first.Verdict == ReviewVerdict.Approve ? "Setuju" : first.Verdict?.ToString() ?? "-"),
                  ("Nilai yang disetujui", Rupiah.FormatWithWords(first.ApprovedAmount ?? a.Request.Amount)),
                  ("Catatan", string.IsNullOrWhiteSpace(first.Note) ? "Tidak ada" : first.Note),
              ])).Append("</div>");
        }

        if (errors is { Count: > 0 })
        {
            sb.Append("<div class=\"errors\" role=\"alert\">Keputusan belum dikirim. Perbaiki isian yang ditandai di bagian Keputusan.</div>");
        }

        sb.Append("<div class=\"card\"><h2>Kredit yang diajukan</h2>").Append(Html.Facts(
        [
            ("Skema", Labels.Scheme(a.Request.SchemeCode)),
            ("Nilai", Rupiah.FormatWithWords(a.Request.Amount)),
            ("Jangka waktu", $"{a.Request.TenorMonths} bulan"),
            ("Tujuan", Labels.Purpose(a.Request.Purpose)),
            ("Uraian", a.Request.Description),
            ("Agunan", string.IsNullOrWhiteSpace(a.Request.Collateral) ? "Tidak ada" : a.Request.Collateral),
        ])).Append("</div>");
        sb.Append(DecisionAid(a, screening, today));
        sb.Append("<div class=\"card\"><h2>Pemohon</h2>").Append(Html.Facts(
        [
            ("Nama", a.Applicant.FullName),
            ("NIK", Nik.Mask(a.Applicant.Nik)),
            ("Tanggal lahir", IndonesianDates.FormatLong(a.Applicant.BirthDate)),
            ("Telepon", a.Applicant.Phone),
            ("E-mail", a.Applicant.Email),
            ("Alamat", a.Applicant.Address),
        ])).Append("</div>");
        sb.Append("<div class=\"card\"><h2>Usaha</h2>").Append(Html.Facts(
        [
            ("Nama usaha", a.Business.Name),
            ("NIB", a.Business.Nib ?? "—"),
            ("Sektor", Labels.Sector(a.Business.Sector)),
            ("Kabupaten/kota", Labels.Regency(a.Business.RegencyCode)),
            ("Alamat usaha", a.Business.Address),
            ("Mulai usaha", IndonesianDates.FormatLong(a.Business.StartedOn)),
            ("Pekerja", a.Business.Employees.ToString(CultureInfo.InvariantCulture) + " orang"),
            ("Omzet per bulan", Rupiah.Format(a.Business.MonthlyRevenue)),
            ("Bersertifikat halal", a.Business.HalalCertified ? "Ya" : "Tidak"),
        ])).Append("</div>");
        sb.Append("<div class=\"card\"><h2>Dokumen</h2>");
        foreach (var doc in found.Documents)
        {
            var url = "/api/review/" + t + "/documents/" + Html.E(doc.Kind);
            var label = Html.E(Labels.DocumentKind(doc.Kind));
            sb.Append("<figure class=\"doc\" data-kind=\"").Append(Html.E(doc.Kind)).Append("\"><figcaption><strong>").Append(label).Append("</strong> <span class=\"muted\">")
              .Append(Html.E(Labels.ContentType(doc.ContentType))).Append(", ").Append(Html.E(Size(doc.Size))).Append("</span></figcaption>");
            if (doc.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                sb.Append("<a href=\"").Append(url).Append("\"><img loading=\"lazy\" decoding=\"async\" src=\"").Append(url).Append("\" alt=\"").Append(label).Append("\"></a>");
            }
            else
            {
                sb.Append("<object data=\"").Append(url).Append("\" type=\"application/pdf\" aria-label=\"").Append(label).Append("\"><p class=\"muted\">Pratinjau PDF tidak tersedia di peramban ini.</p></object>");
            }

            sb.Append("<p><a download=\"").Append(Html.E(doc.Kind)).Append(doc.ContentType == "application/pdf" ? ".pdf" : doc.ContentType == "image/png" ? ".png" : ".jpg")
              .Append("\" href=\"").Append(url).Append("\">Unduh ").Append(label).Append("</a></p></figure>");
        }

        if (found.Documents.Count == 0)
        {
            sb.Append("<p class=\"muted\">Tidak ada dokumen.</p>");
        }

        sb.Append("</div>");
        sb.Append("<form class=\"card\" id=\"decision-form\" method=\"post\" action=\"/api/review/").Append(t).Append("\" novalidate><h2>Keputusan</h2>");
        sb.Append("<p class=\"muted\">Anda akan diminta memastikan keputusan sebelum dicatat.</p>");
        sb.Append(Radio("approve", "Setujui", form.Decision)).Append(Radio("reject", "Tolak", form.Decision));
        if (found.CanRevise)
        {
            sb.Append(Radio("revise", "Minta perbaikan kepada pemohon", form.Decision));
        }

        sb.Append(OfficialPages.FieldError(errors, "decision"));
        sb.Append("<label for=\"approvedAmount\">Nilai yang disetujui (Rp, hanya untuk setuju; kosongkan bila sama dengan pengajuan, paling besar ")
          .Append(Html.E(Rupiah.Format(a.Request.Amount))).Append(")</label>");
        sb.Append("<input id=\"approvedAmount\" name=\"approvedAmount\" type=\"number\" min=\"1\" max=\"").Append(a.Request.Amount).Append("\" inputmode=\"numeric\" value=\"")
          .Append(Html.E(form.ApprovedAmount)).Append("\">").Append(OfficialPages.FieldError(errors, "approvedAmount"));
        sb.Append("<label for=\"recommendations\">Komitmen pendampingan/pelatihan dari OPD (satu per baris, paling banyak ").Append(ReviewRules.MaxRecommendations)
          .Append(", opsional)</label><textarea id=\"recommendations\" name=\"recommendations\">").Append(Html.E(form.Recommendations)).Append("</textarea>")
          .Append(OfficialPages.FieldError(errors, "recommendations"));
        sb.Append("<label for=\"note\">Catatan (wajib untuk tolak dan perbaikan; dikirim kepada pemohon)</label><textarea id=\"note\" name=\"note\" maxlength=\"")
          .Append(ReviewRules.MaxNote).Append("\">").Append(Html.E(form.Note)).Append("</textarea>").Append(OfficialPages.FieldError(errors, "note"));
        sb.Append(OfficialPages.OtherErrors(errors, "decision", "approvedAmount", "recommendations", "note"));
        sb.Append("<button type=\"submit\" id=\"decide\">Periksa keputusan</button></form>");
        return Html.Page("Penilaian permohonan", sb.ToString());
    }

    /// <summary>The confirmation step: what is about to be recorded, with "send" and "change".</summary>
    public static string Confirm(string token, ReviewDecisionPreview preview, ReviewForm form)
    {
        var d = preview.Decision;
        var t = Html.E(token);
        var (verdict, consequence) = d.Verdict switch
        {
            ReviewVerdict.Approve => ("Setujui", "Perjanjian kredit akan disiapkan dan dikirim untuk ditandatangani pemohon, bank dan OPD."),
            ReviewVerdict.Reject => ("Tolak", "Permohonan berakhir dan pemohon diberi tahu beserta catatan Anda."),
            _ => ("Minta perbaikan", "Pemohon diminta memperbaiki permohonan sesuai catatan Anda."),
        };
        var sb = new StringBuilder("<h1>Pastikan keputusan Anda</h1><div class=\"card\" id=\"confirm-step\">");
        sb.Append(Html.Facts(
        [
            ("Keputusan", verdict),
            ("Nilai", d.Verdict == ReviewVerdict.Approve ? Rupiah.FormatWithWords(d.ApprovedAmount ?? preview.RequestedAmount) : null),
            ("Komitmen OPD", d.Recommendations.Count == 0 ? "—" : string.Join("; ", d.Recommendations)),
            ("Catatan", d.Note ?? "—"),
        ]));
        sb.Append("<p>").Append(Html.E(consequence)).Append(" <strong>Keputusan tidak dapat diubah setelah dikirim.</strong></p>");
        sb.Append("<form method=\"post\" action=\"/api/review/").Append(t).Append("\">").Append(Hidden(form)).Append("<input type=\"hidden\" name=\"confirm\" value=\"ya\">")
          .Append("<button type=\"submit\" id=\"confirm\"").Append(d.Verdict == ReviewVerdict.Approve ? string.Empty : " class=\"danger\"").Append(">Ya, kirim keputusan: ")
          .Append(Html.E(verdict)).Append("</button></form>");
        sb.Append("<form method=\"post\" action=\"/api/review/").Append(t).Append("\">").Append(Hidden(form)).Append("<input type=\"hidden\" name=\"step\" value=\"edit\">")
          .Append("<button type=\"submit\" class=\"secondary\" id=\"change\">Kembali dan ubah</button></form></div>");
        return Html.Page("Pastikan keputusan", sb.ToString());
    }

    /// <summary>The page after a decision.</summary>
    public static string Recorded(ReviewVerdict verdict) => Html.Page("Keputusan tercatat",
        "<div class=\"card\"><h1>Keputusan tercatat</h1><p id=\"recorded\">Keputusan <strong>" + verdict switch
        {
            ReviewVerdict.Approve => "setuju",
            ReviewVerdict.Reject => "tolak",
            _ => "minta perbaikan",
        } + "</strong> sudah dicatat. Pemohon akan diberi tahu melalui e-mail. Tautan ini tidak dapat dipakai lagi.</p></div>");

    /// <summary>
    /// Figures that help decide, all from the Domain: the monthly instalment of the requested amount at the
    /// scheme's rate (the same calculator as the agreement), its share of the monthly revenue, the business age,
    /// and the screening outcome in words.
    /// </summary>
    internal static string DecisionAid(CreditApplication a, ScreeningResult screening, DateOnly today)
    {
        var sb = new StringBuilder("<div class=\"card\" id=\"decision-aid\"><h2>Bahan pertimbangan</h2>");
        var firstDue = today.AddMonths(1);
        var schedule = screening.IsSharia
            ? InstalmentCalculator.Murabahah(a.Request.Amount, screening.AnnualRatePercent, a.Request.TenorMonths, firstDue)
            : InstalmentCalculator.Annuity(a.Request.Amount, screening.AnnualRatePercent, a.Request.TenorMonths, firstDue);
        var monthly = schedule.Instalments.Max(i => i.Payment);
        var ratio = a.Business.MonthlyRevenue > 0 ? (decimal)monthly / a.Business.MonthlyRevenue * 100m : (decimal?)null;
        var months = ((today.Year - a.Business.StartedOn.Year) * 12) + today.Month - a.Business.StartedOn.Month - (today.Day < a.Business.StartedOn.Day ? 1 : 0);
        var age = months < 12 ? $"{Math.Max(months, 0)} bulan" : $"{months / 12} tahun {months % 12} bulan";
        sb.Append(Html.Facts(
        [
            ("Angsuran per bulan (perkiraan)", Rupiah.Format(monthly) + (screening.IsSharia ? " (marjin " : " (bunga ") + Percent.Format(screening.AnnualRatePercent) + " per tahun)"),
            ("Total pembayaran", Rupiah.Format(schedule.TotalPayment)),
            ("Angsuran dibanding omzet", ratio is { } r ? r.ToString("0.0", CultureInfo.GetCultureInfo("id-ID")) + "% dari omzet per bulan" : "omzet tidak diisi"),
            ("Umur usaha", age),
        ]));
        if (ratio > 30m)
        {
            sb.Append("<p class=\"error\">Angsuran lebih dari 30% omzet per bulan: periksa kemampuan bayar dengan cermat.</p>");
        }

        var outcome = screening.Outcome switch
        {
            ScreeningOutcome.Eligible => "Memenuhi syarat skema",
            ScreeningOutcome.MissingDocuments => "Dokumen wajib belum lengkap",
            _ => "Tidak memenuhi syarat skema",
        };
        sb.Append("<h2>Hasil pemeriksaan syarat otomatis</h2><p><span class=\"status\" id=\"screening\" data-outcome=\"").Append(screening.Outcome).Append("\">")
          .Append(Html.E(outcome)).Append("</span></p>");
        sb.Append("<p class=\"muted\">Sistem memeriksa nilai, jangka waktu, tujuan, umur usaha dan kelengkapan dokumen menurut aturan ")
          .Append(Html.E(Labels.Scheme(screening.RuleVersion))).Append(" yang berlaku pada tanggal pengajuan. Keputusan akhir tetap pada Anda.</p>");
        if (screening.Reasons.Count > 0)
        {
            sb.Append("<ul>");
            foreach (var reason in screening.Reasons)
            {
                sb.Append("<li>").Append(Html.E(reason.Message)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        if (screening.MissingDocuments.Count > 0)
        {
            sb.Append("<p>Dokumen belum ada: ").Append(Html.E(string.Join(", ", screening.MissingDocuments.Select(Labels.DocumentKind)))).Append("</p>");
        }

        return sb.Append("</div>").ToString();
    }

    private static string Radio(string value, string label, string? selected) =>
        "<label class=\"check\"><input type=\"radio\" name=\"decision\" value=\"" + value + "\"" + (selected == value ? " checked" : string.Empty) + "> " + label + "</label>";

    private static string Hidden(ReviewForm form) =>
        "<input type=\"hidden\" name=\"decision\" value=\"" + Html.E(form.Decision) + "\"><input type=\"hidden\" name=\"approvedAmount\" value=\"" + Html.E(form.ApprovedAmount)
        + "\"><input type=\"hidden\" name=\"recommendations\" value=\"" + Html.E(form.Recommendations) + "\"><input type=\"hidden\" name=\"note\" value=\"" + Html.E(form.Note) + "\">";

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.GetCultureInfo("id-ID")) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
