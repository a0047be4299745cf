using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;

namespace UmkmCredit.Api.Pages;

/// <summary>
/// The applicant portal: a plain multipart form posted to <c>/api/portal</c> (works without script); the server
/// re-shows it with the values kept and each message at its field. Script only enhances (<see cref="ApplicantScript"/>).
/// </summary>
public static class PortalPage
{
    /// <summary>Renders the portal (empty, or again after a failed post).</summary>
    public static string Render(FormState state, string idempotencyKey, SchemeCatalog schemes, DateOnly today, bool offerWhatsApp)
    {
        var sb = new StringBuilder(ApplicantScript.Style);
        sb.Append("<h1>Ajukan kredit usaha</h1><p class=\"muted\">Isi data di bawah ini. Kolom bertanda * wajib diisi.</p>");
        ApplicationFormFields.Summary(sb, state, ApplicationFormFields.Anchor);
        sb.Append("<form id=\"apply\" class=\"card\" method=\"post\" enctype=\"multipart/form-data\" action=\"/api/portal\" data-enhance novalidate>");
        sb.Append("<input type=\"hidden\" name=\"idempotencyKey\" value=\"").Append(Html.E(idempotencyKey)).Append("\">");
        ApplicationFormFields.Fields(sb, state, schemes, today);
        sb.Append("<h2>Dokumen</h2>");
        if (state.Errors.Count > 0)
        {
            sb.Append("<p class=\"muted\">Demi keamanan, berkas yang sudah dipilih perlu dipilih lagi.</p>");
        }

        ApplicationFormFields.Files(sb, state, DocumentKinds.All);
        ApplicationFormFields.Consent(sb, state, offerWhatsApp);
        sb.Append(ApplicantScript.ProgressMarkup);
        sb.Append("<button type=\"submit\" id=\"submit\">Kirim permohonan</button></form>");
        sb.Append("<p><a href=\"/api/lookup\">Lupa tautan status permohonan?</a></p>");
        return Html.Page(state.Errors.Count > 0 ? "Periksa kembali isian Anda" : "Ajukan kredit usaha", sb.ToString(), ApplicantScript.Script);
    }
}
