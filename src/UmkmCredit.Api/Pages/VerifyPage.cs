using System.Text;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Verification;

namespace UmkmCredit.Api.Pages;

/// <summary>
/// The page the agreement's QR code opens: the record, a form to check a copy, and an unmistakable result
/// (green only when the copy is the stored signed agreement; red with what to do when it is not; neutral when
/// nothing was checked).
/// </summary>
public static class VerifyPage
{
    /// <summary>The record (and the result of a check, when one was made).</summary>
    public static string Render(VerificationResult result, string? fileName = null)
    {
        var sb = new StringBuilder("<h1>Verifikasi perjanjian</h1>");
        sb.Append(Verdict(result, fileName));
        if (result.Info is { } info)
        {
            sb.Append("<div class=\"card\" id=\"record\"><h2>Catatan perjanjian di sistem program</h2>").Append(Html.Facts(
            [
                ("Nomor", info.Number),
                ("Status", "Ditandatangani lengkap oleh semua pihak"),
                ("Selesai ditandatangani", Wita.FormatTimestamp(info.SignedAtUtc)),
                .. info.Parties.Select(p => (Labels.SignerRole(p.Role), (string?)p.Name)),
            ])).Append("</div>");
        }

        sb.Append(Signatures(result.Signatures));
        sb.Append(Form(result.Info?.ApplicationId, null));
        return Html.Page("Verifikasi perjanjian", sb.ToString());
    }

    /// <summary>The upload form alone, with a message (no file chosen, not a PDF, too large) at its field.</summary>
    public static string FormOnly(Failure failure, string? applicationId) => Html.Page("Verifikasi perjanjian",
        "<h1>Verifikasi perjanjian</h1>" + (failure.Kind == FailureKind.NotFound
            ? "<div class=\"verdict bad\" id=\"verdict\" data-valid=\"false\">Perjanjian tidak ditemukan<br><span class=\"muted\">Periksa kembali alamat dari kode QR, atau periksa berkasnya di bawah. Hubungi "
              + Html.E(OfficialPages.Contact) + " bila ragu.</span></div>"
            : string.Empty)
        + Form(applicationId, failure));

    private static string Verdict(VerificationResult result, string? fileName)
    {
        if (!result.Checked)
        {
            return "<div class=\"card\" id=\"verdict\" data-checked=\"false\"><p>Halaman ini menampilkan catatan perjanjian yang tersimpan. "
                + "Untuk memastikan salinan yang Anda pegang asli, periksa berkas PDF-nya dengan formulir di bawah.</p></div>";
        }

        var what = fileName is null ? "Salinan yang diperiksa" : "Berkas \u201C" + fileName + "\u201D";
        return result.Valid
            ? "<div class=\"verdict ok\" id=\"verdict\" data-checked=\"true\" data-valid=\"true\">\u2714 SAH: " + Html.E(what)
              + " sama persis dengan perjanjian bertanda tangan yang tersimpan.<br><span class=\"muted\">Isinya tidak berubah sejak ditandatangani.</span></div>"
            : "<div class=\"verdict bad\" id=\"verdict\" data-checked=\"true\" data-valid=\"false\">\u2716 TIDAK SAH: " + Html.E(what)
              + " tidak sama dengan perjanjian bertanda tangan yang tersimpan.<br><span class=\"muted\">Salinan ini mungkin telah diubah, atau bukan versi akhir. "
              + "Jangan menggunakannya sebagai bukti. Minta salinan asli melalui tautan dari e-mail Anda, atau hubungi " + Html.E(OfficialPages.Contact) + ".</span></div>";
    }

    private static string Signatures(IReadOnlyList<EmbeddedSignatureInfo> signatures) => signatures.Count == 0 ? string.Empty :
        "<div class=\"card\" id=\"signatures\"><h2>Tanda tangan digital dalam PDF</h2>" + Html.Facts([.. signatures.Select(s => (
            s.Role == "seal" ? "Segel program" : Labels.SignerRole(s.Role ?? "tanda tangan"),
            (string?)$"{s.Name} — {(s.SignedAt is { } at ? Wita.FormatTimestamp(at) : "waktu tidak diketahui")} — {(s.Valid ? "sah" : "TIDAK SAH")}"))]) + "</div>";

    private static string Form(string? applicationId, Failure? failure)
    {
        var sb = new StringBuilder("<form class=\"card\" id=\"check\" method=\"post\" action=\"/api/verify\" enctype=\"multipart/form-data\"><h2>Periksa salinan PDF</h2>");
        sb.Append("<p class=\"muted\">Pilih berkas PDF perjanjian yang Anda terima. Berkas hanya dibandingkan dengan catatan program dan tidak disimpan.</p>");
        if (applicationId is not null)
        {
            sb.Append("<input type=\"hidden\" name=\"id\" value=\"").Append(Html.E(applicationId)).Append("\">");
        }

        sb.Append("<label for=\"file\">Berkas perjanjian (PDF, paling besar ").Append(VerifyAgreement.MaxPdfBytes / 1024 / 1024).Append(" MB)</label>");
        sb.Append("<input type=\"file\" id=\"file\" name=\"file\" accept=\"application/pdf,.pdf\">");
        sb.Append("<p class=\"field-error error\" data-error=\"file\" role=\"alert\">");
        if (failure is not null && failure.Kind != FailureKind.NotFound)
        {
            sb.Append(Html.E(failure.Errors is { Count: > 0 } e ? string.Join(" ", e.Select(x => x.Message)) : failure.Detail));
        }

        sb.Append("</p><button type=\"submit\" id=\"check-file\">Periksa berkas</button></form>");
        return sb.ToString();
    }
}
