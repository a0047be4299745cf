using System.Globalization;
using System.Text;
using UmkmCredit.Api.Admin;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Workflow.Imports;
using UmkmCredit.Workflow.UseCases;
using UmkmCredit.Workflow.UseCases.Admin;

namespace UmkmCredit.Api.Pages;

/// <summary>The admin console's bulk-import pages: the upload form and the progress page.</summary>
public static class ImportPages
{
    /// <summary>Seconds between reloads of the progress page without script.</summary>
    public const int RefreshSeconds = 3;

    /// <summary>The upload form (a card, for the console's start page).</summary>
    public static string Form(string csrf, Failure? failure = null) =>
        "<form class=\"card\" method=\"post\" action=\"/api/admin/imports\" enctype=\"multipart/form-data\" id=\"import\"><h2>Impor permohonan dari acara penjangkauan</h2>"
        + "<input type=\"hidden\" name=\"" + AdminSession.CsrfField + "\" value=\"" + Html.E(csrf) + "\">"
        + "<p class=\"muted\">Berkas CSV (UTF-8) dengan baris judul berisi nama isian formulir, misalnya <code>applicant.nik,applicant.fullName,…,request.tenorMonths,consent.dataProcessing</code>. "
        + "Paling banyak " + ImportFiles.MaxRows.ToString("N0", CultureInfo.GetCultureInfo("id-ID")) + " baris. Berkas yang sama diimpor sekali saja.</p>"
        + "<label for=\"file\">Berkas CSV</label><input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv\" required>"
        + "<p class=\"field-error error\" data-error=\"file\" role=\"alert\">" + Html.E(failure?.Errors?.FirstOrDefault()?.Message ?? failure?.Detail) + "</p>"
        + "<button type=\"submit\" id=\"import-button\">Impor</button></form>";

    /// <summary>The upload form as a page (shown again with the message after a refused file).</summary>
    public static string Upload(string csrf, Failure? failure) =>
        Html.Page("Impor permohonan", "<h1>Impor permohonan</h1>" + Nav() + Form(csrf, failure));

    /// <summary>The progress page: a progress bar and counts; without script it reloads itself while running, with script it polls the JSON.</summary>
    public static string Progress(ImportProgress p)
    {
        var running = p.Record.Status == ImportStatus.Running;
        var id = Html.E(p.Record.ImportId);
        var sb = new StringBuilder("<h1>Impor permohonan</h1>").Append(Nav());
        if (running)
        {
            // Script off: the page reloads itself (a meta refresh inside <noscript> only acts when script is off).
            sb.Append("<noscript><meta http-equiv=\"refresh\" content=\"").Append(RefreshSeconds).Append("\"></noscript>");
        }

        var percent = p.Record.Total == 0 ? 100 : (int)(100L * p.Done / p.Record.Total);
        sb.Append("<div class=\"card\" id=\"progress-card\" data-status=\"").Append(p.Record.Status).Append("\">")
          .Append("<p><span class=\"status\" id=\"import-status\">").Append(running ? "Sedang diproses" : "Selesai").Append("</span></p>")
          .Append("<label for=\"progress\">Kemajuan</label><progress id=\"progress\" max=\"").Append(p.Record.Total).Append("\" value=\"").Append(p.Done).Append("\" style=\"width:100%;height:24px\">")
          .Append(percent).Append("%</progress>")
          .Append("<p id=\"counts\"><span id=\"done\">").Append(p.Done).Append("</span> dari <span id=\"total\">").Append(p.Record.Total).Append("</span> baris diproses (<span id=\"percent\">").Append(percent)
          .Append("</span>%), <span id=\"accepted\">").Append(p.Done - p.Failed).Append("</span> permohonan dibuat, <span id=\"failed\">").Append(p.Failed).Append("</span> baris bermasalah.</p>");
        if (running)
        {
            sb.Append("<p class=\"muted\" id=\"reload-note\">Halaman ini dimuat ulang sendiri setiap ").Append(RefreshSeconds).Append(" detik. <a href=\"/api/admin/imports/").Append(id).Append("\" id=\"reload\">Muat ulang sekarang</a></p>");
        }
        else
        {
            sb.Append("<p class=\"muted\">Dimulai ").Append(Html.E(Wita.FormatTimestamp(p.Record.CreatedAtUtc)))
              .Append(p.Record.CompletedAtUtc is { } done ? ", selesai " + Html.E(Wita.FormatTimestamp(done)) : string.Empty).Append(".</p>");
        }

        sb.Append("</div>");
        var failedRows = p.Rows.Where(x => x.Errors is { Count: > 0 }).ToList();
        if (failedRows.Count > 0)
        {
            sb.Append("<div class=\"card table-wrap\"><h2>Baris bermasalah</h2><p class=\"muted\">Perbaiki baris ini lalu kirim dalam berkas baru (baris yang sudah berhasil tidak perlu dikirim lagi).</p>")
              .Append("<table id=\"row-errors\"><thead><tr><th>Baris</th><th>Isian</th><th>Masalah</th></tr></thead><tbody>");
            foreach (var row in failedRows)
            {
                foreach (var e in row.Errors!)
                {
                    sb.Append("<tr data-row=\"").Append(row.Row).Append("\"><td>").Append(row.Row).Append("</td><td>").Append(Html.E(e.Path == "$" ? "—" : e.Path)).Append("</td><td>").Append(Html.E(e.Message)).Append("</td></tr>");
                }
            }

            sb.Append("</tbody></table></div>");
        }

        return Html.Page("Impor permohonan", sb.ToString(), running ? Script : null);
    }

    private static string Nav() =>
        "<p class=\"muted\"><a href=\"/api/admin\">Konsol admin</a> · <a href=\"/api/admin/applications\">Daftar permohonan</a></p>";

    // With script: poll the JSON every second and move the bar; reload once the import is complete to show the rows.
    private const string Script = """
        (function(){var $=function(i){return document.getElementById(i)};var note=$('reload-note');if(note){note.textContent='Kemajuan diperbarui otomatis.';}
        function tick(){fetch(location.pathname,{headers:{Accept:'application/json'},credentials:'same-origin',cache:'no-store'}).then(function(r){return r.ok?r.json():null}).then(function(s){
        if(!s){setTimeout(tick,2000);return;}var pct=s.total?Math.floor(100*s.done/s.total):100;$('progress').max=s.total;$('progress').value=s.done;$('progress').textContent=pct+'%';
        $('done').textContent=s.done;$('total').textContent=s.total;$('percent').textContent=pct;$('failed').textContent=s.failed;$('accepted').textContent=s.done-s.failed;
        if(s.status==='Completed'){location.reload();}else{setTimeout(tick,1000);}}).catch(function(){setTimeout(tick,2000);});}
        setTimeout(tick,1000);})();
        """;
}
