using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Pages;

/// <summary>What the officials' pages (review, signing, verification, admin) share: messages at fields and link problems.</summary>
public static class OfficialPages
{
    /// <summary>Who to contact when a link no longer works.</summary>
    public const string Contact = "admin program di Dinas Koperasi dan UKM Provinsi Kalimantan Utara";

    /// <summary>The message(s) for one field, next to it (empty element when none, so tests and scripts can find it).</summary>
    public static string FieldError(IReadOnlyList<ValidationError>? errors, string path)
    {
        var messages = errors?.Where(e => e.Path == path).Select(e => e.Message).ToList() ?? [];
        return "<p class=\"field-error error\" data-error=\"" + Html.E(path) + "\" role=\"alert\">" + Html.E(string.Join(" ", messages)) + "</p>";
    }

    /// <summary>The messages that belong to no field shown on the form.</summary>
    public static string OtherErrors(IReadOnlyList<ValidationError>? errors, params string[] shownPaths)
    {
        var rest = errors?.Where(e => !shownPaths.Contains(e.Path, StringComparer.Ordinal)).ToList() ?? [];
        return rest.Count == 0 ? string.Empty : "<ul class=\"errors\">" + string.Concat(rest.Select(e => "<li>" + Html.E(e.Message) + "</li>")) + "</ul>";
    }

    /// <summary>A failure that is not about one field, shown above a form (wrong code, not your turn…).</summary>
    public static string Notice(Failure? failure) => failure is null || failure.Kind == FailureKind.Invalid
        ? string.Empty
        : "<div class=\"errors\" id=\"problem\" role=\"alert\"><strong>" + Html.E(failure.Title) + "</strong><br>" + Html.E(failure.Detail) + "</div>";

    /// <summary>
    /// The page for a review or signing link that cannot be used (404 unknown, 409 used or superseded or finished,
    /// 410 expired): what happened and who to contact. <paramref name="extra"/> is trusted HTML (e.g. a download link).
    /// </summary>
    public static string LinkProblem(Failure failure, bool signing, string? extra = null)
    {
        var (title, advice) = failure.Kind switch
        {
            FailureKind.NotFound => ("Tautan tidak dikenali",
                "Pastikan Anda membuka tautan lengkap dari e-mail terbaru. Jika tautan tetap tidak dapat dibuka, hubungi " + Contact + "."),
            FailureKind.Conflict => (signing ? "Tautan ini sudah selesai dipakai" : "Keputusan sudah tercatat",
                (signing
                    ? "Tidak ada lagi yang perlu Anda lakukan melalui tautan ini. "
                    : "Keputusan hanya dapat dicatat satu kali. ")
                + "Jika ada yang perlu diubah, hubungi " + Contact + "."),
            FailureKind.Gone => ("Batas waktu tautan terlewati",
                (signing ? "Penandatanganan melalui tautan ini sudah ditutup. " : "Penilaian sudah dialihkan sesuai aturan tenggat. ")
                + "Hubungi " + Contact + " bila Anda masih perlu bertindak."),
            FailureKind.TooMany => (failure.Title, "Hubungi " + Contact + " untuk tautan baru."),
            FailureKind.Unavailable => ("Layanan sedang sibuk", "Coba lagi beberapa saat lagi. Data yang sudah tersimpan tidak hilang."),
            _ => (failure.Title, "Hubungi " + Contact + "."),
        };
        var sb = new StringBuilder();
        sb.Append("<h1 id=\"link-problem\" data-kind=\"").Append(failure.Kind).Append("\">").Append(Html.E(title)).Append("</h1><div class=\"card\"><p>")
          .Append(Html.E(failure.Detail)).Append("</p><p class=\"muted\">").Append(Html.E(advice)).Append("</p>");
        if (extra is not null)
        {
            sb.Append(extra);
        }

        sb.Append("</div>");
        return Html.Page(title, sb.ToString());
    }
}
