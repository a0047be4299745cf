using System.Text;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Links;

namespace UmkmCredit.Api.Pages;

/// <summary>The signer's page: who signs, a summary, the draft, OTP, sign or decline.</summary>
public static class SigningPage
{
    /// <summary>Renders the page.</summary>
    public static string Render(string token, ActionLink link, AgreementModel model, bool yourTurn)
    {
        var t = Html.E(token);
        var sb = new StringBuilder();
        sb.Append("<h1>Penandatanganan perjanjian</h1><p class=\"muted\">Nomor ").Append(Html.E(model.Number)).Append("</p>");
        sb.Append("<div class=\"card\"><h2>Penanda tangan</h2>").Append(Html.Facts(
        [
            ("Nama", link.ActorName),
            ("Sebagai", Signers.RoleLabel(Signers.RoleOf(link.LinkId))),
            ("Batas waktu", Wita.FormatTimestamp(link.ExpiresAtUtc)),
        ])).Append("</div>");
        sb.Append("<div class=\"card\"><h2>Ringkasan</h2>").Append(Html.Facts(
        [
            ("Debitur", model.Debtor.Name),
            ("Usaha", model.Debtor.BusinessName),
            ("Skema", model.SchemeName),
            ("Nilai", Rupiah.FormatWithWords(model.Amount)),
            (model.IsSharia ? "Marjin" : "Suku bunga", Percent.FormatWithWords(model.AnnualRatePercent) + " per tahun"),
            ("Jangka waktu", $"{model.TenorMonths} bulan"),
            ("Bank", model.Bank.Name),
            ("OPD", model.Opd.AgencyName),
        ])).Append("<p><a id=\"draft\" target=\"_blank\" rel=\"noopener\" href=\"/api/sign/").Append(t).Append("/document\">Baca draf perjanjian (PDF)</a></p></div>");
        if (!yourTurn)
        {
            sb.Append("<div class=\"card\"><p id=\"not-yet\">Belum giliran Anda menandatangani. Anda akan menerima e-mail ketika giliran Anda tiba.</p></div>");
            return Html.Page("Penandatanganan perjanjian", sb.ToString());
        }

        sb.Append("<div class=\"card\"><h2>1. Minta kode OTP</h2><p class=\"muted\">Kode dikirim ke e-mail Anda dan berlaku 10 menit.</p>");
        sb.Append("<button type=\"button\" id=\"otp\">Kirim kode OTP</button><p id=\"otp-status\" class=\"muted\"></p></div>");
        sb.Append("<form class=\"card\" method=\"post\" action=\"/api/sign/").Append(t).Append("\"><h2>2. Tanda tangani</h2>");
        sb.Append("<input type=\"hidden\" name=\"decision\" value=\"sign\">");
        sb.Append("<label for=\"otp-code\">Kode OTP</label><input id=\"otp-code\" name=\"otp\" inputmode=\"numeric\" maxlength=\"6\" autocomplete=\"one-time-code\">");
        sb.Append("<label for=\"fullName\">Ketik nama lengkap Anda</label><input id=\"fullName\" name=\"fullName\" autocomplete=\"name\">");
        sb.Append("<label class=\"check\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"true\"> Saya telah membaca draf perjanjian dan menyetujui penandatanganan secara elektronik (UU ITE Pasal 11, PP 71/2019).</label>");
        sb.Append("<button type=\"submit\" id=\"sign\">Tanda tangani</button></form>");
        sb.Append("<form class=\"card\" method=\"post\" action=\"/api/sign/").Append(t).Append("\"><h2>Atau tolak</h2><input type=\"hidden\" name=\"decision\" value=\"decline\">");
        sb.Append("<label for=\"reason\">Alasan penolakan</label><textarea id=\"reason\" name=\"reason\" maxlength=\"2000\"></textarea><button type=\"submit\" id=\"decline\" style=\"background:#b42318\">Tolak menandatangani</button></form>");
        var script = "document.getElementById('otp').addEventListener('click',function(){var s=document.getElementById('otp-status');s.textContent='Mengirim…';"
            + "fetch('/api/sign/" + token + "/otp',{method:'POST',headers:{'Accept':'application/json'}}).then(function(r){return r.json().then(function(j){return {ok:r.ok,j:j};});})"
            + ".then(function(x){s.textContent=x.ok?'Kode OTP sudah dikirim ke e-mail Anda.':(x.j.detail||'Gagal mengirim kode.');});});";
        return Html.Page("Penandatanganan perjanjian", sb.ToString(), script);
    }

    /// <summary>After a decision.</summary>
    public static string Recorded(bool signed, string number) => Html.Page(signed ? "Tanda tangan tercatat" : "Penolakan tercatat",
        "<div class=\"card\"><h1 id=\"recorded\">" + (signed ? "Tanda tangan tercatat" : "Penolakan tercatat") + "</h1><p>" +
        (signed
            ? $"Terima kasih. Tanda tangan elektronik Anda pada perjanjian {Html.E(number)} sudah dicatat beserta buktinya. Semua pihak akan menerima perjanjian yang telah ditandatangani."
            : $"Penolakan Anda atas perjanjian {Html.E(number)} sudah dicatat dan semua pihak diberi tahu.") + "</p></div>");
}
