using System.Text;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Api.Pages;

/// <summary>The printable receipt after submitting: reference, business, amount, time (WITA), status link, what happens next.</summary>
public static class ReceiptPage
{
    /// <summary>Renders the receipt.</summary>
    public static string Render(StoredApplication stored, string statusUrl, WorkflowOptions workflow, SchemeCatalog schemes, DateOnly today)
    {
        var app = stored.Application;
        var sb = new StringBuilder(ApplicantScript.Style);
        sb.Append("<h1>Permohonan terkirim</h1><div class=\"card\" id=\"receipt\"><p class=\"muted\">Nomor permohonan</p>");
        sb.Append("<p class=\"reference\" id=\"reference\">").Append(Html.E(stored.Reference ?? stored.ApplicationId)).Append("</p>");
        sb.Append(Html.Facts(
        [
            ("Pemohon", app.Applicant.FullName),
            ("Usaha", app.Business.Name),
            ("Kabupaten/kota", Labels.Regency(app.Business.RegencyCode)),
            ("Skema", Labels.Scheme(app.Request.SchemeCode)),
            ("Nilai diajukan", Rupiah.Format(app.Request.Amount)),
            ("Jangka waktu", $"{app.Request.TenorMonths} bulan"),
            ("Dikirim", Wita.FormatTimestamp(stored.SubmittedAtUtc)),
        ]));
        if (ApplicationFormFields.Estimate(schemes, app.Request.SchemeCode, app.Request.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                app.Request.TenorMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), today, app.Request.PriorKurCount) is { } estimate)
        {
            sb.Append("<p class=\"muted\">").Append(Html.E(estimate)).Append("</p>");
        }

        sb.Append("<h2>Tautan status</h2><p>Simpan tautan ini (atau cetak halaman ini). Siapa pun yang memegangnya dapat melihat permohonan Anda.</p>");
        sb.Append("<p><a id=\"status-link\" href=\"").Append(Html.E(statusUrl)).Append("\">").Append(Html.E(statusUrl)).Append("</a></p>");
        sb.Append("<p class=\"muted\">Kode sistem: <span id=\"application-id\">").Append(Html.E(stored.ApplicationId)).Append("</span></p>");
        sb.Append("<h2>Langkah berikutnya</h2><ol>");
        sb.Append("<li>Sistem memeriksa kelengkapan dan syarat skema dalam beberapa menit. Hasilnya dikirim ke ").Append(Html.E(app.Applicant.Email)).Append(".</li>");
        sb.Append("<li>Jika ada dokumen yang kurang, Anda punya waktu ").Append(workflow.DocumentsWorkingDays).Append(" hari kerja untuk mengunggahnya dari halaman status.</li>");
        sb.Append("<li>Petugas dinas (OPD) menilai permohonan paling lambat ").Append(workflow.ReviewWorkingDays).Append(" hari kerja setelah berkas lengkap.</li>");
        sb.Append("<li>Jika disetujui, perjanjian ditandatangani secara elektronik oleh Anda, bank dan OPD dalam ").Append(workflow.SigningWorkingDays).Append(" hari kerja.</li>");
        sb.Append("</ol></div><p class=\"no-print\"><button type=\"button\" id=\"print\" class=\"secondary\">Cetak tanda terima</button></p>");
        sb.Append("<p class=\"no-print\"><a href=\"").Append(Html.E(statusUrl)).Append("\">Buka halaman status</a></p>");
        return Html.Page("Tanda terima " + (stored.Reference ?? string.Empty), sb.ToString(), ApplicantScript.Script);
    }
}
