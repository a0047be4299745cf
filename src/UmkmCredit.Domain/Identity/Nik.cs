using System.Diagnostics.CodeAnalysis;

namespace UmkmCredit.Domain.Identity;

/// <summary>
/// Parses and masks the 16-digit NIK: province(2) kab/kota(2) kecamatan(2) DDMMYY serial(4); women have day + 40.
/// </summary>
public static class Nik
{
    /// <summary>Error code: not exactly 16 ASCII digits.</summary>
    public const string FormatError = "nik.format";

    /// <summary>Error code: the province part is not a real province code, or the region parts are zero.</summary>
    public const string ProvinceError = "nik.province";

    /// <summary>Error code: the DDMMYY part is not a real date.</summary>
    public const string DateError = "nik.date";

    /// <summary>Error code: the serial is 0000.</summary>
    public const string SerialError = "nik.serial";

    // Kemendagri province codes: 11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82, 91–96.
    private static readonly HashSet<int> ProvinceCodes =
    [
        .. Enumerable.Range(11, 9), 21, .. Enumerable.Range(31, 6), .. Enumerable.Range(51, 3),
        .. Enumerable.Range(61, 5), .. Enumerable.Range(71, 6), 81, 82, .. Enumerable.Range(91, 6),
    ];

    /// <summary>True when <paramref name="code"/> is a real two-digit province code.</summary>
    public static bool IsProvinceCode(string? code) =>
        code is { Length: 2 } && IsDigits(code) && ProvinceCodes.Contains(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Parses a NIK. The two-digit year is read as 20YY unless that date would be after
    /// <paramref name="today"/>, in which case it is 19YY.
    /// </summary>
    /// <returns>False with the first failing error code (<c>nik.format</c>, <c>nik.province</c>, <c>nik.date</c>, <c>nik.serial</c>).</returns>
    public static bool TryParse(string? value, DateOnly today, [MaybeNullWhen(false)] out NikInfo info, out string? errorCode)
    {
        info = null;
        if (value is not { Length: 16 } || !IsDigits(value))
        {
            errorCode = FormatError;
            return false;
        }

        string province = value[..2];
        if (!IsProvinceCode(province) || value[2..4] == "00" || value[4..6] == "00")
        {
            errorCode = ProvinceError;
            return false;
        }

        int day = Two(value, 6);
        int month = Two(value, 8);
        int yy = Two(value, 10);
        string gender = "L";
        if (day > 40)
        {
            day -= 40;
            gender = "P";
        }

        if (!TryResolveDate(day, month, yy, today, out DateOnly birthDate))
        {
            errorCode = DateError;
            return false;
        }

        string serial = value[12..];
        if (serial == "0000")
        {
            errorCode = SerialError;
            return false;
        }

        info = new NikInfo(province, value[..4], value[..6], birthDate, gender, serial);
        errorCode = null;
        return true;
    }

    /// <summary>Masks a NIK for logs and messages, keeping the first and last four characters: <c>6571********0003</c>.</summary>
    public static string Mask(string nik)
    {
        ArgumentNullException.ThrowIfNull(nik);
        return nik.Length <= 8
            ? new string('*', nik.Length)
            : string.Concat(nik.AsSpan(0, 4), new string('*', nik.Length - 8), nik.AsSpan(nik.Length - 4));
    }

    private static bool TryResolveDate(int day, int month, int yy, DateOnly today, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        int year = 2000 + yy;
        if (year > today.Year || (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) > today))
        {
            year -= 100;
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            // 29 February: 2000 is a leap year but 1900 is not; try the other century before giving up.
            int other = year + 100 <= today.Year ? year + 100 : year - 100;
            if (day > DateTime.DaysInMonth(other, month))
            {
                return false;
            }

            year = other;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Two(string s, int index) => ((s[index] - '0') * 10) + (s[index + 1] - '0');

    internal static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return s.Length > 0;
    }
}
