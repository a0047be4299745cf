using System.Text;

namespace UmkmCredit.Api.Pages;

/// <summary>"Lupa tautan?": reference, NIK and birth date; the answer never tells whether they matched.</summary>
public static class LookupPage
{
    /// <summary>The same sentence whatever happened.</summary>
    public const string Answer = "Jika data cocok, tautan status dikirim ke e-mail terdaftar.";

    /// <summary>The form (again with messages for blank fields).</summary>
    public static string Render(FormState state)
    {
        var sb = new StringBuilder(ApplicantScript.Style);
        sb.Append("<h1>Lupa tautan status?</h1><p>Isi nomor permohonan (ada di tanda terima dan setiap e-mail), NIK dan tanggal lahir. Tautan status akan dikirim ke e-mail yang Anda daftarkan.</p>");
        ApplicationFormFields.Summary(sb, state, p => p);
        sb.Append("<form class=\"card\" method=\"post\" action=\"/api/lookup\" novalidate>");
        ApplicationFormFields.Input(sb, state, "reference", "Nomor permohonan (mis. UMKM-6571-2026-000123)", "text", "autocomplete=\"off\" autocapitalize=\"characters\"");
        ApplicationFormFields.Input(sb, state, "nik", "NIK (16 digit)", "text", "inputmode=\"numeric\" maxlength=\"16\" autocomplete=\"off\"");
        ApplicationFormFields.Input(sb, state, "birthDate", "Tanggal lahir", "date", string.Empty);
        sb.Append("<button type=\"submit\" id=\"lookup\">Kirim tautan ke e-mail saya</button></form>");
        return Html.Page("Lupa tautan status", sb.ToString(), ApplicantScript.Script);
    }

    /// <summary>The one answer page.</summary>
    public static string Sent()
    {
        var body = ApplicantScript.Style + "<h1>Permintaan diterima</h1><div class=\"card\"><p id=\"lookup-answer\">" + Html.E(Answer)
            + "</p><p class=\"muted\">Periksa juga folder spam. Jika tidak ada e-mail dalam beberapa menit, periksa kembali nomor permohonan, NIK dan tanggal lahir.</p></div>"
            + "<p><a href=\"/api/portal\">Kembali ke portal</a></p>";
        return Html.Page("Permintaan diterima", body);
    }
}
