using System.Globalization;

namespace UmkmCredit.Domain.Calendar;

/// <summary>Waktu Indonesia Tengah (UTC+8, <c>Asia/Makassar</c>): the time shown to people in Kaltara.</summary>
public static class Wita
{
    /// <summary>The fixed offset of WITA; Indonesia has no daylight saving time.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary><c>Asia/Makassar</c> from the system, or a fixed UTC+8 zone when the system has no tz data.</summary>
    public static TimeZoneInfo Zone { get; } = ResolveZone();

    /// <summary>Converts a UTC instant to WITA wall-clock time. Unspecified kinds are taken as UTC.</summary>
    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone);

    /// <summary>Converts a WITA wall-clock time to UTC.</summary>
    public static DateTime ToUtc(DateTime wita) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wita, DateTimeKind.Unspecified), Zone);

    /// <summary>The WITA calendar date of a UTC instant.</summary>
    public static DateOnly TodayFromUtc(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary><c>1 Desember 2026 14.05 WITA</c>.</summary>
    public static string FormatTimestamp(DateTime utc)
    {
        DateTime wita = FromUtc(utc);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{IndonesianDates.FormatLong(DateOnly.FromDateTime(wita))} {wita:HH}.{wita:mm} WITA");
    }

    internal static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static TimeZoneInfo ResolveZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("WITA", Offset, "Waktu Indonesia Tengah", "WITA");
        }
    }
}
