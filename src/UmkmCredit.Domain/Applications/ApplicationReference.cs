using System.Globalization;
using UmkmCredit.Domain.Regions;

namespace UmkmCredit.Domain.Applications;

/// <summary>
/// The human reference of an application, <c>UMKM-6571-2026-000123</c>: programme prefix, regency code, year of
/// submission (WITA) and a gap-free sequence per regency and year. People read it out on the phone; the 32-digit
/// application id stays internal.
/// </summary>
public static class ApplicationReference
{
    /// <summary>The prefix.</summary>
    public const string Prefix = "UMKM";

    /// <summary>Formats a reference; the sequence is zero-padded to six digits.</summary>
    public static string Format(string regencyCode, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        if (!Regencies.TryGet(regencyCode, out _))
        {
            throw new ArgumentException($"Unknown regency {regencyCode}.", nameof(regencyCode));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{regencyCode}-{year:0000}-{sequence:000000}");
    }

    /// <summary>Parses a reference as typed (case and surrounding spaces forgiven); false for anything else.</summary>
    public static bool TryParse(string? value, out string regencyCode, out int year, out int sequence)
    {
        regencyCode = string.Empty;
        year = 0;
        sequence = 0;
        var parts = (value ?? string.Empty).Trim().ToUpperInvariant().Split('-');
        if (parts.Length != 4 || parts[0] != Prefix || !Regencies.TryGet(parts[1], out _)
            || parts[2].Length != 4 || !parts[2].All(char.IsAsciiDigit)
            || parts[3].Length is < 1 or > 9 || !parts[3].All(char.IsAsciiDigit))
        {
            return false;
        }

        year = int.Parse(parts[2], CultureInfo.InvariantCulture);
        sequence = int.Parse(parts[3], CultureInfo.InvariantCulture);
        regencyCode = parts[1];
        return sequence > 0 && year >= 2000;
    }
}
