using System.Globalization;
using System.Text;

namespace UmkmCredit.TestSupport;

/// <summary>Bulk-import files (CSV with the portal form's column names) and the valid NIKs they need.</summary>
public static class ImportSamples
{
    /// <summary>The columns of <see cref="Row"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "applicant.nik", "applicant.fullName", "applicant.birthDate", "applicant.gender", "applicant.phone", "applicant.email", "applicant.address",
        "business.name", "business.nib", "business.sector", "business.regency", "business.address", "business.startedOn", "business.employees",
        "business.monthlyRevenue", "business.halalCertified", "request.scheme", "request.amount", "request.tenorMonths", "request.purpose",
        "request.description", "consent.dataProcessing",
    ];

    private static readonly string[] RegencyCodes = ["6501", "6502", "6503", "6504", "6571"];

    /// <summary>
    /// A valid NIK, distinct per <paramref name="serial"/> (1–9999) and <paramref name="batch"/> (0–27, the birth day):
    /// Tarakan, a woman born on day (1 + batch) August 1990 — <see cref="BirthDate"/> gives the matching date.
    /// </summary>
    public static string Nik(int serial, int batch = 0) =>
        "657101" + (41 + batch).ToString("00", CultureInfo.InvariantCulture) + "0890" + serial.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>The birth date encoded in <see cref="Nik"/>.</summary>
    public static string BirthDate(int batch = 0) => $"1990-08-{1 + batch:00}";

    /// <summary>One valid row's fields (spread over the five regencies), in <see cref="Columns"/> order.</summary>
    public static string[] Row(int serial, int batch = 0) =>
    [
        Nik(serial, batch), $"Pemohon Impor {serial}", BirthDate(batch), "P", "081234567890", $"impor{batch}-{serial}@example.id",
        "Jl. Yos Sudarso No. 10, Tarakan", $"Usaha \"Amplang\" {serial}", "9120301234567", "kuliner", RegencyCodes[serial % RegencyCodes.Length],
        "Jl. Mulawarman No. 5, RT 3", "2019-05-01", "3", "15.000.000", "ya", "KUR_MIKRO", "50000000", "24", "modal-kerja", "Bahan baku, kemasan\r\ndan label", "ya",
    ];

    /// <summary>
    /// The CSV file (UTF-8 with BOM, CRLF, RFC 4180 quoting: every field with a comma, quote or line break quoted).
    /// </summary>
    public static byte[] Csv(IEnumerable<string[]> rows, IReadOnlyList<string>? columns = null)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', columns ?? Columns)).Append("\r\n");
        foreach (var row in rows)
        {
            sb.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
