using System.Text;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Signing;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Signing;

namespace UmkmCredit.Api.Pages;

/// <summary>What the signer typed, kept when the page is shown again (the code is not kept after a wrong try).</summary>
public sealed record SigningForm(string? Otp, string? FullName, bool Consent, string? Reason)
{
    /// <summary>Nothing typed yet.</summary>
    public static SigningForm Empty { get; } = new(null, null, false, null);
}

/// <summary>The signer's page: who signs, a summary, who has signed, the draft, OTP (a plain form), sign, decline with confirmation.</summary>
public static class SigningPage
{
    /// <summary>Renders the page; <paramref name="failure"/> is shown at its field or above the form, <paramref name="otpSent"/> after a code was sent.</summary>
    public static string Render(string token, SigningCase found, SigningForm? form = null, Failure? failure = null, bool otpSent = false)
    {
        form ??= SigningForm.Empty;
        var errors = failure?.Errors;
        var link = found.Link;
        var model = found.Model;
        var t = Html.E(token);
        var sb = new StringBuilder();
        sb.Append("<h1>Penandatanganan perjanjian</h1><p class=\"muted\">Nomor ").Append(Html.E(model.Number)).Append("</p>");
        sb.Append(OfficialPages.Notice(failure is { Kind: FailureKind.Forbidden } ? null : failure));
        sb.Append("<div class=\"card\"><h2>Penanda tangan</h2>").Append(Html.Facts(
        [
            ("Nama", link.ActorName),
            ("Sebagai", Labels.SignerRole(found.Role)),
            ("Batas waktu", Wita.FormatTimestamp(link.ExpiresAtUtc)),
        ])).Append("</div>");
        var first = model.Schedule.Instalments.Count > 0 ? model.Schedule.Instalments[0] : null;
        sb.Append("<div class=\"card\"><h2>Ringkasan perjanjian</h2>").Append(Html.Facts(
        [
            ("Debitur", model.Debtor.Name),
            ("Usaha", model.Debtor.BusinessName),
            ("Skema", model.SchemeName),
            ("Nilai", Rupiah.FormatWithWords(model.Amount)),
            (model.IsSharia ? "Marjin" : "Suku bunga", Percent.FormatWithWords(model.AnnualRatePercent) + " per tahun"),
            ("Jangka waktu", $"{model.TenorMonths} bulan"),
            ("Angsuran per bulan", first is null ? "—" : Rupiah.Format(first.Payment)),
            ("Total yang dibayar", Rupiah.Format(model.Schedule.TotalPayment) + (model.IsSharia ? " (termasuk marjin " : " (termasuk bunga ") + Rupiah.Format(model.Schedule.TotalInterestOrMargin) + ")"),
            ("Angsuran pertama", first is null ? "—" : IndonesianDates.FormatLong(first.DueDate)),
            ("Bank", model.Bank.Name),
            ("OPD", model.Opd.AgencyName),
        ]));
        sb.Append("<h2>Komitmen pendampingan OPD</h2>");
        sb.Append(model.Recommendations.Count == 0
            ? "<p class=\"muted\">Tidak ada komitmen khusus.</p>"
            : "<ul id=\"commitments\">" + string.Concat(model.Recommendations.Select(x => "<li>" + Html.E(x) + "</li>")) + "</ul>");
        sb.Append("</div>");
        sb.Append(Progress(found));
        sb.Append(Draft(token, model.Number));
        if (!found.IsTurn)
        {
            sb.Append("<div class=\"card\"><p id=\"not-yet\">Belum giliran Anda menandatangani. Anda akan menerima e-mail ketika giliran Anda tiba.</p></div>");
            return Html.Page("Penandatanganan perjanjian", sb.ToString());
        }

        sb.Append("<form class=\"card\" method=\"post\" action=\"/api/sign/").Append(t).Append("/otp\"><h2>1. Minta kode OTP</h2>");
        sb.Append("<p class=\"muted\">Kode 6 angka dikirim ke e-mail Anda dan berlaku ").Append((int)OtpPolicy.Lifetime.TotalMinutes)
          .Append(" menit. Kode baru dapat diminta paling cepat 1 menit setelah permintaan sebelumnya; kode lama tidak berlaku lagi.</p>");
        sb.Append("<p id=\"otp-status\" class=\"").Append(otpSent ? "status" : "muted").Append("\" role=\"status\">")
          .Append(otpSent ? "Kode OTP sudah dikirim ke e-mail Anda. Periksa juga folder spam." : string.Empty).Append("</p>");
        sb.Append("<button type=\"submit\" id=\"otp\"").Append(otpSent ? " class=\"secondary\">Kirim ulang kode OTP" : ">Kirim kode OTP").Append("</button></form>");

        sb.Append("<form class=\"card\" method=\"post\" action=\"/api/sign/").Append(t).Append("\" novalidate><h2>2. Tanda tangani</h2>");
        sb.Append("<input type=\"hidden\" name=\"decision\" value=\"sign\">");
        sb.Append("<label for=\"otp-code\">Kode OTP</label><input id=\"otp-code\" name=\"otp\" inputmode=\"numeric\" maxlength=\"6\" autocomplete=\"one-time-code\" value=\"")
          .Append(Html.E(failure is { Kind: FailureKind.Forbidden } ? null : form.Otp)).Append("\">");
        sb.Append(failure is { Kind: FailureKind.Forbidden }
            ? "<p class=\"field-error error\" data-error=\"otp\" role=\"alert\">" + Html.E(failure.Detail) + "</p>"
            : OfficialPages.FieldError(errors, "otp"));
        sb.Append("<label for=\"fullName\">Ketik nama lengkap Anda: ").Append(Html.E(link.ActorName)).Append("</label><input id=\"fullName\" name=\"fullName\" autocomplete=\"name\" value=\"")
          .Append(Html.E(form.FullName)).Append("\">").Append(OfficialPages.FieldError(errors, "fullName"));
        sb.Append("<label class=\"check\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"true\"").Append(form.Consent ? " checked" : string.Empty)
          .Append("> Saya telah membaca draf perjanjian dan menyetujui penandatanganan secara elektronik (UU ITE Pasal 11, PP 71/2019).</label>")
          .Append(OfficialPages.FieldError(errors, "consent"));
        sb.Append(OfficialPages.OtherErrors(errors, "otp", "fullName", "consent", "reason"));
        sb.Append("<button type=\"submit\" id=\"sign\">Tanda tangani</button></form>");

        var declineOpen = errors?.Any(e => e.Path == "reason") == true;
        sb.Append("<details class=\"card\"").Append(declineOpen ? " open" : string.Empty).Append("><summary id=\"decline-toggle\">Tidak bersedia menandatangani?</summary>");
        sb.Append("<form method=\"post\" action=\"/api/sign/").Append(t).Append("\" novalidate><input type=\"hidden\" name=\"decision\" value=\"decline\">");
        sb.Append("<p class=\"muted\">Penolakan mengakhiri permohonan ini bagi semua pihak. Anda akan diminta memastikannya.</p>");
        sb.Append("<label for=\"reason\">Alasan penolakan</label><textarea id=\"reason\" name=\"reason\" maxlength=\"2000\">").Append(Html.E(form.Reason)).Append("</textarea>")
          .Append(OfficialPages.FieldError(errors, "reason"));
        sb.Append("<button type=\"submit\" id=\"decline\" class=\"secondary\">Lanjut: tolak menandatangani</button></form></details>");
        return Html.Page("Penandatanganan perjanjian", sb.ToString());
    }

    /// <summary>The confirmation step of a refusal.</summary>
    public static string ConfirmDecline(string token, string reason)
    {
        var t = Html.E(token);
        return Html.Page("Pastikan penolakan",
            "<h1>Pastikan penolakan Anda</h1><div class=\"card\" id=\"confirm-step\"><p>Anda akan <strong>menolak menandatangani</strong> perjanjian ini. "
            + "Permohonan berakhir dan semua pihak diberi tahu. Penolakan tidak dapat dibatalkan.</p>"
            + Html.Facts([("Alasan", reason)])
            + "<form method=\"post\" action=\"/api/sign/" + t + "\"><input type=\"hidden\" name=\"decision\" value=\"decline\"><input type=\"hidden\" name=\"confirm\" value=\"ya\">"
            + "<input type=\"hidden\" name=\"reason\" value=\"" + Html.E(reason) + "\"><button type=\"submit\" id=\"confirm-decline\" class=\"danger\">Ya, saya menolak menandatangani</button></form>"
            + "<p><a class=\"button secondary\" id=\"back\" href=\"/api/sign/" + t + "\">Kembali ke perjanjian</a></p></div>");
    }

    /// <summary>After a decision: what happens next, and the download (the signed copy once every party signed).</summary>
    public static string Recorded(string token, bool signed, string number) => Html.Page(signed ? "Tanda tangan tercatat" : "Penolakan tercatat",
        "<div class=\"card\"><h1 id=\"recorded\">" + (signed ? "Tanda tangan tercatat" : "Penolakan tercatat") + "</h1><p>" +
        (signed
            ? $"Terima kasih. Tanda tangan elektronik Anda pada perjanjian {Html.E(number)} sudah dicatat beserta buktinya. Setelah semua pihak menandatangani, Anda menerima e-mail dan salinan bertanda tangan dapat diunduh dari tautan yang sama.</p>"
              + DownloadLink(token, number, "Unduh perjanjian (PDF)")
            : $"Penolakan Anda atas perjanjian {Html.E(number)} sudah dicatat dan semua pihak diberi tahu.</p>") + "</div>");

    /// <summary>The download link of the agreement through a signer's link (draft, or the signed copy once complete).</summary>
    public static string DownloadLink(string token, string? number, string text) =>
        "<p><a class=\"button\" id=\"download\" download" + (number is null ? string.Empty : "=\"" + Html.E(FileName(number)) + "\"") + " href=\"/api/sign/" + Html.E(token) + "/document\">" + Html.E(text) + "</a></p>";

    /// <summary>The file name of an agreement download, from its number (letters, digits and dashes only).</summary>
    public static string FileName(string number) =>
        "perjanjian-" + new string(number.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') + ".pdf";

    private static string Draft(string token, string number) =>
        "<div class=\"card doc\"><h2>Draf perjanjian</h2><object id=\"draft\" data=\"/api/sign/" + Html.E(token) + "/document\" type=\"application/pdf\" aria-label=\"Draf perjanjian\">"
        + "<p class=\"muted\">Peramban ini tidak dapat menampilkan PDF di halaman. Unduh drafnya di bawah.</p></object>"
        + DownloadLink(token, number, "Unduh draf perjanjian (PDF)") + "</div>";

    private static string Progress(SigningCase found)
    {
        var signatures = found.Snapshot.Signatures ?? [];
        if (signatures.Count == 0)
        {
            return string.Empty;
        }

        var pending = found.Snapshot.PendingLinkIds ?? [];
        var sb = new StringBuilder("<div class=\"card\"><h2>Para pihak</h2><ol id=\"signers\">");
        foreach (var s in signatures)
        {
            var state = s.Status switch
            {
                SignatureState.Signed => "sudah menandatangani" + (s.At is { } at ? " " + Wita.FormatTimestamp(at) : string.Empty),
                SignatureState.Declined => "menolak",
                _ when pending.Contains(s.LinkId) => s.LinkId == found.Link.LinkId ? "giliran Anda" : "sedang ditunggu",
                _ => "menunggu giliran",
            };
            sb.Append("<li data-role=\"").Append(Html.E(s.Role)).Append("\" data-state=\"").Append(s.Status).Append("\">").Append(Html.E(Labels.SignerRole(s.Role)))
              .Append(": ").Append(Html.E(s.Name)).Append(" — <strong>").Append(Html.E(state)).Append("</strong></li>");
        }

        return sb.Append("</ol></div>").ToString();
    }
}
