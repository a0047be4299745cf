using System.Globalization;

namespace UmkmCredit.Domain.Calendar;

/// <summary>Indonesian day and month names and the date formats used in agreements (no culture data needed).</summary>
public static class IndonesianDates
{
    private static readonly string[] Months =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    private static readonly string[] RomanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    /// <summary>Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu.</summary>
    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Senin",
        DayOfWeek.Tuesday => "Selasa",
        DayOfWeek.Wednesday => "Rabu",
        DayOfWeek.Thursday => "Kamis",
        DayOfWeek.Friday => "Jumat",
        DayOfWeek.Saturday => "Sabtu",
        DayOfWeek.Sunday => "Minggu",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Unknown day of week."),
    };

    /// <summary>The month name for 1–12 (Januari … Desember).</summary>
    public static string MonthName(int month) =>
        month is >= 1 and <= 12 ? Months[month - 1] : throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1–12.");

    /// <summary>The Roman numeral for 1–12, as used in agreement numbers (XII for December).</summary>
    public static string RomanMonth(int month) =>
        month is >= 1 and <= 12 ? RomanMonths[month - 1] : throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1–12.");

    /// <summary>Parses a Roman month I–XII; returns 0 when not one.</summary>
    public static int ParseRomanMonth(string? roman) => roman is null ? 0 : Array.IndexOf(RomanMonths, roman) + 1;

    /// <summary><c>1 Desember 2026</c>.</summary>
    public static string FormatLong(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthName(date.Month)} {date.Year}");

    /// <summary><c>Selasa, 1 Desember 2026</c>.</summary>
    public static string FormatWithDay(DateOnly date) => $"{DayName(date.DayOfWeek)}, {FormatLong(date)}";

    /// <summary>The agreement's opening: <c>Pada hari ini, Selasa, tanggal 1 Desember 2026</c>.</summary>
    public static string OpeningLine(DateOnly date) => $"Pada hari ini, {DayName(date.DayOfWeek)}, tanggal {FormatLong(date)}";
}
