using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Sikp;

/// <summary>One calon-debitur row of a SIKP upload, in the order and the form SIKP expects.</summary>
/// <param name="Nik">The full 16-digit NIK (SIKP matches debtors by NIK; the file is the one place it leaves in full).</param>
/// <param name="Nama">Full name.</param>
/// <param name="TanggalLahir">Birth date.</param>
/// <param name="JenisKelamin"><c>1</c> laki-laki, <c>2</c> perempuan.</param>
/// <param name="Alamat">Home address.</param>
/// <param name="KodeKabKota">Kemendagri code of the regency the application belongs to (the business's).</param>
/// <param name="KodePos">Five-digit postal code found in the home address, or empty.</param>
/// <param name="Npwp">NPWP digits, or empty.</param>
/// <param name="MulaiUsaha">Date the business started.</param>
/// <param name="AlamatUsaha">Business address.</param>
/// <param name="IjinUsaha">Business licence number: the NIB, else the SKU number, else empty.</param>
/// <param name="ModalUsaha">Business capital in rupiah; null (empty field) because the application form does not ask for it.</param>
/// <param name="JumlahPekerja">Number of workers.</param>
/// <param name="JumlahKredit">Credit requested, whole rupiah.</param>
/// <param name="NoHp">Mobile number in the national form <c>08…</c>.</param>
/// <param name="UraianAgunan">Additional collateral offered, or empty.</param>
public sealed record SikpCalonDebitur(
    string Nik,
    string Nama,
    DateOnly TanggalLahir,
    string JenisKelamin,
    string Alamat,
    string KodeKabKota,
    string KodePos,
    string Npwp,
    DateOnly MulaiUsaha,
    string AlamatUsaha,
    string IjinUsaha,
    long? ModalUsaha,
    int JumlahPekerja,
    long JumlahKredit,
    string NoHp,
    string UraianAgunan)
{
    /// <summary>Maps a validated application to its SIKP row.</summary>
    public static SikpCalonDebitur From(CreditApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        Applicant a = application.Applicant;
        Business b = application.Business;
        return new SikpCalonDebitur(
            a.Nik,
            a.FullName,
            a.BirthDate,
            a.Gender == "P" ? "2" : "1",
            a.Address,
            b.RegencyCode,
            SikpExport.PostalCode(a.Address),
            b.Npwp ?? string.Empty,
            b.StartedOn,
            b.Address,
            b.Nib ?? b.Sku ?? string.Empty,
            null,
            b.Employees,
            application.Request.Amount,
            SikpExport.NationalPhone(a.Phone),
            application.Request.Collateral ?? string.Empty);
    }
}

/// <summary>An application's row before <see cref="SikpExport.OncePerNik"/> picks one per NIK.</summary>
public sealed record SikpCandidate(string ApplicationId, DateTime SubmittedAtUtc, SikpCalonDebitur Row);

/// <summary>
/// The SIKP calon-debitur upload file (DOMAIN.md "SIKP"): UTF-8 without a byte-order mark, one header line with the
/// SIKP field names, then one line per debtor; fields separated by <c>|</c>; every line ends in CRLF (the file is
/// opened and uploaded from Windows desktops), including the last. Dates are <c>ddMMyyyy</c>, amounts whole rupiah
/// without separators. The format has no quoting, so a value can never contain the separator or a line break:
/// <c>|</c> becomes <c>/</c>, line breaks, tabs and other control characters become a space, runs of spaces collapse
/// to one and the value is trimmed. Nothing else is changed.
/// </summary>
public static partial class SikpExport
{
    /// <summary>
    /// Each NIK once per export: of several applications of one person in the period the latest submitted wins
    /// (ties broken by application id); the result keeps submission order.
    /// </summary>
    public static IReadOnlyList<SikpCandidate> OncePerNik(IEnumerable<SikpCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates
            .GroupBy(c => c.Row.Nik, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => c.SubmittedAtUtc).ThenByDescending(c => c.ApplicationId, StringComparer.Ordinal).First())
            .OrderBy(c => c.SubmittedAtUtc).ThenBy(c => c.ApplicationId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The field separator.</summary>
    public const char Separator = '|';

    /// <summary>The line ending (CRLF).</summary>
    public const string LineEnding = "\r\n";

    /// <summary>Content type of the file.</summary>
    public const string ContentType = "text/plain; charset=utf-8";

    /// <summary>The SIKP field names, in file order.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "nik", "nama", "tgl_lahir", "jns_kelamin", "alamat", "kode_kabkota", "kode_pos", "npwp", "mulai_usaha",
        "alamat_usaha", "ijin_usaha", "modal_usaha", "jml_pekerja", "jml_kredit", "no_hp", "uraian_agunan",
    ];

    /// <summary>The header line (without its line ending).</summary>
    public static string Header { get; } = string.Join(Separator, Fields);

    /// <summary>One row as a line (without its line ending).</summary>
    public static string FormatLine(SikpCalonDebitur row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string[] values =
        [
            row.Nik,
            row.Nama,
            Date(row.TanggalLahir),
            row.JenisKelamin,
            row.Alamat,
            row.KodeKabKota,
            row.KodePos,
            row.Npwp,
            Date(row.MulaiUsaha),
            row.AlamatUsaha,
            row.IjinUsaha,
            row.ModalUsaha?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            row.JumlahPekerja.ToString(CultureInfo.InvariantCulture),
            row.JumlahKredit.ToString(CultureInfo.InvariantCulture),
            row.NoHp,
            row.UraianAgunan,
        ];
        return string.Join(Separator, values.Select(Clean));
    }

    /// <summary>The whole file: the header and one line per row, each ending in CRLF.</summary>
    public static string Format(IEnumerable<SikpCalonDebitur> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder(Header).Append(LineEnding);
        foreach (SikpCalonDebitur row in rows)
        {
            sb.Append(FormatLine(row)).Append(LineEnding);
        }

        return sb.ToString();
    }

    /// <summary>The file's bytes (UTF-8, no byte-order mark).</summary>
    public static byte[] Encode(IEnumerable<SikpCalonDebitur> rows) => new UTF8Encoding(false).GetBytes(Format(rows));

    /// <summary>The download's file name, e.g. <c>sikp-calon-debitur-20260601-20260630.txt</c>.</summary>
    public static string FileName(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"sikp-calon-debitur-{from:yyyyMMdd}-{to:yyyyMMdd}.txt");

    /// <summary>
    /// Makes a value safe for one field: no separator, no line break or control character, single spaces, and a
    /// leading apostrophe before = + - @ so a spreadsheet shows it as text instead of running it as a formula.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c == Separator ? '/' : c);
        }

        // A spreadsheet opening the file would run a value starting with = + - @ as a formula (=HYPERLINK(…)):
        // a leading apostrophe keeps it text. Tab and CR cannot lead: white space was folded above.
        if (sb.Length > 0 && sb[0] is '=' or '+' or '-' or '@')
        {
            sb.Insert(0, '\'');
        }

        return sb.ToString();
    }

    /// <summary>The last stand-alone five-digit number of an address (Indonesian postal codes are five digits), or empty.</summary>
    public static string PostalCode(string? address)
    {
        MatchCollection matches = FiveDigits().Matches(address ?? string.Empty);
        return matches.Count == 0 ? string.Empty : matches[^1].Value;
    }

    /// <summary><c>+6281234567890</c> → <c>081234567890</c>; anything else is returned as its digits.</summary>
    public static string NationalPhone(string? e164)
    {
        string digits = new((e164 ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("62", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }

    private static string Date(DateOnly date) => date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![0-9])[0-9]{5}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex FiveDigits();
}
