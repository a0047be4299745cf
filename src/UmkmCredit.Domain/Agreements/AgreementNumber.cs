using System.Globalization;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Regions;

namespace UmkmCredit.Domain.Agreements;

/// <summary>
/// Agreement numbers: <c>001/PKS-UMKM/TRK/XII/2026</c> — sequence, type, regency abbreviation, Roman month, year.
/// </summary>
public static class AgreementNumber
{
    /// <summary>The document type segment: Perjanjian Kerja Sama UMKM.</summary>
    public const string Type = "PKS-UMKM";

    /// <summary>Formats a number; the sequence is zero-padded to at least three digits.</summary>
    /// <param name="sequence">1 or more, per regency and year.</param>
    /// <param name="regencyCode">A Kaltara regency code, e.g. <c>6571</c>.</param>
    /// <param name="date">The agreement date (WITA), giving month and year.</param>
    public static string Format(int sequence, string regencyCode, DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        Regency regency = Regencies.Get(regencyCode);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{sequence:000}/{Type}/{regency.Abbreviation}/{IndonesianDates.RomanMonth(date.Month)}/{date.Year:0000}");
    }

    /// <summary>Parses a number produced by <see cref="Format"/>; the abbreviation must be a Kaltara regency's.</summary>
    public static bool TryParse(string? value, out int sequence, out string regencyAbbrev, out int month, out int year)
    {
        sequence = 0;
        regencyAbbrev = string.Empty;
        month = 0;
        year = 0;
        if (value is null || value.Length > 64)
        {
            return false;
        }

        string[] parts = value.Split('/');
        if (parts.Length != 5 || parts[1] != Type)
        {
            return false;
        }

        if (parts[0].Length < 3 || !parts[0].All(char.IsAsciiDigit)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int seq) || seq < 1)
        {
            return false;
        }

        if (!Regencies.TryGetByAbbreviation(parts[2], out Regency? regency))
        {
            return false;
        }

        int m = IndonesianDates.ParseRomanMonth(parts[3]);
        if (m == 0)
        {
            return false;
        }

        if (parts[4].Length != 4 || !parts[4].All(char.IsAsciiDigit)
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < 2000)
        {
            return false;
        }

        sequence = seq;
        regencyAbbrev = regency.Abbreviation;
        month = m;
        year = y;
        return true;
    }
}
