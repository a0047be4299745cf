using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Domain.Review;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Pages;

/// <summary>The OPD reviewer's page: summary, eligibility, documents and the decision form.</summary>
public static class ReviewPage
{
    /// <summary>Renders the page. All untrusted text is encoded.</summary>
    public static string Render(string token, StoredApplication stored, IReadOnlyList<StoredDocument> docs, ScreeningResult screening, ActionLink link, bool canRevise)
    {
        var a = stored.Application;
        var sb = new StringBuilder();
        sb.Append("<h1>Penilaian permohonan kredit UMKM</h1>");
        sb.Append("<p class=\"muted\">Penilai: ").Append(Html.E(link.ActorName)).Append(" · batas waktu ").Append(Html.E(Wita.FormatTimestamp(link.ExpiresAtUtc))).Append("</p>");
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
            ("Sektor", a.Business.Sector),
            ("Kabupaten/kota", Regencies.TryGet(a.Business.RegencyCode, out var r) ? r.Name : a.Business.RegencyCode),
            ("Alamat usaha", a.Business.Address),
            ("Mulai usaha", IndonesianDates.FormatLong(a.Business.StartedOn)),
            ("Pekerja", a.Business.Employees.ToString(global::System.Globalization.CultureInfo.InvariantCulture)),
            ("Omzet per bulan", Rupiah.Format(a.Business.MonthlyRevenue)),
            ("Bersertifikat halal", a.Business.HalalCertified ? "Ya" : "Tidak"),
        ])).Append("</div>");
        sb.Append("<div class=\"card\"><h2>Kredit yang diajukan</h2>").Append(Html.Facts(
        [
            ("Skema", a.Request.SchemeCode),
            ("Nilai", Rupiah.FormatWithWords(a.Request.Amount)),
            ("Jangka waktu", $"{a.Request.TenorMonths} bulan"),
            ("Tujuan", a.Request.Purpose),
            ("Uraian", a.Request.Description),
        ])).Append("</div>");
        sb.Append("<div class=\"card\"><h2>Hasil pemeriksaan syarat</h2><p><span class=\"status\">")
          .Append(screening.Outcome switch { ScreeningOutcome.Eligible => "Memenuhi syarat", ScreeningOutcome.MissingDocuments => "Dokumen belum lengkap", _ => "Tidak memenuhi syarat" })
          .Append("</span> <span class=\"muted\">aturan ").Append(Html.E(screening.RuleVersion)).Append("</span></p>");
        if (screening.Reasons.Count > 0)
        {
            sb.Append("<ul>");
            foreach (var reason in screening.Reasons)
            {
                sb.Append("<li>").Append(Html.E(reason.Message)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</div><div class=\"card\"><h2>Dokumen</h2><ul>");
        foreach (var doc in docs)
        {
            sb.Append("<li><a target=\"_blank\" rel=\"noopener\" href=\"/api/review/").Append(Html.E(token)).Append("/documents/").Append(Html.E(doc.Kind)).Append("\">")
              .Append(Html.E(DocumentKinds.Label(doc.Kind))).Append("</a></li>");
        }

        if (docs.Count == 0)
        {
            sb.Append("<li class=\"muted\">Tidak ada dokumen.</li>");
        }

        sb.Append("</ul></div>");
        sb.Append("<form class=\"card\" method=\"post\" action=\"/api/review/").Append(Html.E(token)).Append("\"><h2>Keputusan</h2>");
        sb.Append("<label class=\"check\"><input type=\"radio\" name=\"decision\" value=\"approve\" required> Setujui</label>");
        sb.Append("<label class=\"check\"><input type=\"radio\" name=\"decision\" value=\"reject\"> Tolak</label>");
        if (canRevise)
        {
            sb.Append("<label class=\"check\"><input type=\"radio\" name=\"decision\" value=\"revise\"> Minta perbaikan</label>");
        }

        sb.Append("<label for=\"approvedAmount\">Nilai yang disetujui (Rp, opsional, paling besar ").Append(Html.E(Rupiah.Format(a.Request.Amount))).Append(")</label>");
        sb.Append("<input id=\"approvedAmount\" name=\"approvedAmount\" type=\"number\" min=\"1\" max=\"").Append(a.Request.Amount).Append("\" inputmode=\"numeric\">");
        sb.Append("<label for=\"recommendations\">Komitmen pendampingan/pelatihan (satu per baris, opsional)</label><textarea id=\"recommendations\" name=\"recommendations\"></textarea>");
        sb.Append("<label for=\"note\">Catatan (wajib untuk tolak dan perbaikan)</label><textarea id=\"note\" name=\"note\" maxlength=\"2000\"></textarea>");
        sb.Append("<button type=\"submit\" id=\"decide\">Kirim keputusan</button></form>");
        return Html.Page("Penilaian permohonan", sb.ToString(), "document.querySelector('form[method=post]').addEventListener('submit',function(){document.getElementById('decide').disabled=true;});");
    }

    /// <summary>The confirmation page after a decision.</summary>
    public static string Recorded(ReviewVerdict verdict) => Html.Page("Keputusan tercatat",
        "<div class=\"card\"><h1>Keputusan tercatat</h1><p id=\"recorded\">Keputusan <strong>" + verdict switch
        {
            ReviewVerdict.Approve => "setuju",
            ReviewVerdict.Reject => "tolak",
            _ => "minta perbaikan",
        } + "</strong> sudah dicatat. Pemohon akan diberi tahu melalui e-mail. Tautan ini tidak dapat dipakai lagi.</p></div>");
}
