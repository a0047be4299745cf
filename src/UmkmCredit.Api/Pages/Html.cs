using System.Net;
using System.Text;

namespace UmkmCredit.Api.Pages;

/// <summary>The shared page frame: Indonesian, phone-first, no external CDN (styles inline).</summary>
public static class Html
{
    /// <summary>HTML-encodes untrusted text.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A whole page.</summary>
    public static string Page(string title, string body, string? script = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append(" · UmkmCredit Kaltara</title><style>").Append(Css).Append("</style></head><body>");
        sb.Append("<header><div class=\"wrap\"><strong>UmkmCredit</strong> <span>Program Kredit UMKM Provinsi Kalimantan Utara</span></div></header>");
        sb.Append("<main class=\"wrap\">").Append(body).Append("</main>");
        sb.Append("<footer class=\"wrap\">Data pribadi Anda dilindungi sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.</footer>");
        if (script is not null)
        {
            sb.Append("<script>").Append(script).Append("</script>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>A definition list of label/value pairs (values encoded).</summary>
    public static string Facts(IEnumerable<(string Label, string? Value)> rows)
    {
        var sb = new StringBuilder("<dl class=\"facts\">");
        foreach (var (label, value) in rows)
        {
            sb.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }

        return sb.Append("</dl>").ToString();
    }

    private const string Css = """
        *{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f5f7fa;line-height:1.5}
        .wrap{max-width:760px;margin:0 auto;padding:0 16px}header{background:#0b5d4b;color:#fff;padding:12px 0}header span{opacity:.85;font-size:.9em;display:block}
        main{padding:16px}h1{font-size:1.4em;margin:.6em 0}h2{font-size:1.1em;margin:1.2em 0 .4em}
        .card{background:#fff;border-radius:10px;padding:16px;margin:12px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
        label{display:block;font-weight:600;margin:.8em 0 .2em}input,select,textarea{width:100%;padding:10px;font-size:16px;border:1px solid #c5ccd3;border-radius:8px;background:#fff}
        textarea{min-height:90px}input[type=checkbox],input[type=radio]{width:auto;margin-right:6px}.check{font-weight:400;display:flex;align-items:flex-start;gap:4px}
        button{background:#0b5d4b;color:#fff;border:0;border-radius:8px;padding:12px 18px;font-size:16px;margin-top:16px;width:100%}button:disabled{opacity:.6}
        .facts{display:grid;grid-template-columns:minmax(120px,40%) 1fr;gap:4px 12px;margin:0}.facts dt{color:#52606d}.facts dd{margin:0;overflow-wrap:anywhere}
        .status{display:inline-block;padding:4px 10px;border-radius:99px;background:#e3f8ef;color:#0b5d4b;font-weight:600}
        .error{color:#b42318}.errors{background:#fef3f2;border:1px solid #fecdca;border-radius:8px;padding:8px 12px}.muted{color:#52606d;font-size:.9em}
        ul.history{padding-left:18px}footer{color:#52606d;font-size:.8em;padding:24px 16px}a{color:#0b5d4b;overflow-wrap:anywhere}
        .row{display:grid;grid-template-columns:1fr 1fr;gap:12px}@media(max-width:520px){.row{grid-template-columns:1fr}}
        .field-error{margin:.2em 0;font-size:.9em}.field-error:empty{display:none}.ok{background:#e3f8ef;border:2px solid #0b5d4b;color:#0b5d4b}.bad{background:#fef3f2;border:2px solid #b42318;color:#b42318}.verdict{border-radius:10px;padding:14px 16px;margin:12px 0;font-weight:700;font-size:1.1em}.verdict .muted{font-weight:400;color:inherit}
        button.secondary,.button.secondary{background:#fff;color:#0b5d4b;border:1px solid #0b5d4b}button.danger{background:#b42318}.button{display:inline-block;text-decoration:none;background:#0b5d4b;color:#fff;border-radius:8px;padding:10px 16px}
        .doc img{max-width:100%;height:auto;border-radius:8px;display:block}.doc object{width:100%;height:420px;border:1px solid #c5ccd3;border-radius:8px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top}.table-wrap{overflow-x:auto}
        """;
}
