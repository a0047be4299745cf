using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Pages;

/// <summary>The page a browser sees when something cannot be done: what happened and what to do, in plain Indonesian.</summary>
public static class ErrorPage
{
    /// <summary>Renders a failure (field errors listed; no codes on screen).</summary>
    public static string Render(Failure failure)
    {
        var (title, advice) = failure.Kind switch
        {
            FailureKind.NotFound => ("Tautan tidak ditemukan", "Periksa kembali tautan dari e-mail Anda, atau minta tautan baru kepada admin program."),
            FailureKind.Unauthorized => ("Perlu tautan akses", "Buka halaman ini dari tautan status yang dikirim ke e-mail Anda."),
            FailureKind.Gone => ("Batas waktu terlewati", "Hubungi admin program atau dinas (OPD) di kabupaten/kota Anda untuk langkah selanjutnya."),
            FailureKind.Conflict => ("Tidak dapat diproses", "Muat ulang halaman untuk melihat keadaan terbaru."),
            FailureKind.TooMany => ("Terlalu banyak percobaan", "Tunggu sebentar lalu coba lagi, atau hubungi admin program."),
            FailureKind.Unavailable => ("Layanan sedang sibuk", "Coba lagi beberapa saat lagi. Data yang sudah tersimpan tidak hilang."),
            FailureKind.TooLarge => ("Berkas terlalu besar", "Perkecil ukuran berkas (paling besar 10 MB) lalu kirim lagi."),
            FailureKind.Unsupported => ("Jenis berkas tidak didukung", "Kirim dokumen sebagai PDF, JPEG atau PNG."),
            FailureKind.Forbidden => (failure.Title, "Periksa isian Anda lalu coba lagi."),
            _ => ("Periksa kembali isian Anda", "Perbaiki isian yang ditandai lalu kirim lagi."),
        };
        var errors = failure.Errors is { Count: > 0 } list
            ? "<ul class=\"errors\">" + string.Concat(list.Select(e => "<li>" + Html.E(e.Message) + "</li>")) + "</ul>"
            : string.Empty;
        var body = "<h1>" + Html.E(title) + "</h1><div class=\"card\"><p>" + Html.E(failure.Detail) + "</p>" + errors
            + "<p class=\"muted\">" + Html.E(advice) + "</p></div>";
        return Html.Page(title, body);
    }
}
