using UmkmCredit.Domain.Calendar;

namespace UmkmCredit.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_Covers2026And2027()
    {
        Assert.Equal([2026, 2027], Calendar.CoveredYears);
        Assert.Equal(17, Calendar.Holidays.Count(h => h.Date.Year == 2026 && h.Kind == Holiday.National));
        Assert.Equal(8, Calendar.Holidays.Count(h => h.Date.Year == 2026 && h.Kind == Holiday.CollectiveLeave));
    }

    [Theory]
    [InlineData("2026-12-01", true)] // Selasa
    [InlineData("2026-12-05", false)] // Sabtu
    [InlineData("2026-12-06", false)] // Minggu
    [InlineData("2026-12-24", false)] // cuti bersama Natal
    [InlineData("2026-12-25", false)] // Natal
    [InlineData("2026-08-17", false)] // HUT RI (Senin)
    [InlineData("2026-08-18", true)]
    [InlineData("2026-03-20", false)] // cuti bersama Idul Fitri
    [InlineData("2026-03-25", true)]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-04", true)]
    public void IsWorkingDay(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-12-01", 0, "2026-12-01")]
    [InlineData("2026-12-01", 1, "2026-12-02")]
    [InlineData("2026-12-03", 2, "2026-12-07")] // Kamis + 2 over the weekend → Senin
    [InlineData("2026-12-04", 1, "2026-12-07")] // Jumat + 1 → Senin
    [InlineData("2026-12-05", 1, "2026-12-07")] // from a Saturday
    [InlineData("2026-12-22", 2, "2026-12-28")] // 23 Rabu, (24 cuti, 25 Natal, 26–27 weekend) → 28 Senin
    [InlineData("2026-12-21", 5, "2026-12-30")]
    [InlineData("2026-03-17", 1, "2026-03-25")] // Nyepi + Idul Fitri block: 18–24 Maret
    [InlineData("2026-08-14", 1, "2026-08-18")] // Jumat → (weekend, 17 Agustus) → Selasa
    [InlineData("2026-12-29", 3, "2027-01-04")] // across the year end: 30, 31, (1 Jan, 2–3 weekend), 4
    public void AddWorkingDays(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void AddWorkingDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-12-01"), -1));
    }

    [Fact]
    public void DeadlineUtc_IsEndOfTheNthWorkingDayInWita()
    {
        // 4 December 2026 (Jumat) 10.00 WITA = 02:00 UTC; 5 working days → Jumat 11 December 23:59:59 WITA.
        DateTime deadline = Calendar.DeadlineUtc(new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc), 5);

        Assert.Equal(new DateTime(2026, 12, 11, 15, 59, 59, DateTimeKind.Utc), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Fact]
    public void DeadlineUtc_UsesTheWitaDateOfTheStart()
    {
        // 17:00 UTC on Thursday 3 December is already Friday 4 December 01.00 WITA.
        DateTime deadline = Calendar.DeadlineUtc(new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc), 1);

        Assert.Equal(new DateTime(2026, 12, 7, 15, 59, 59, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void CustomCalendar_HolidayIsSkipped()
    {
        var calendar = new WorkingDayCalendar([new Holiday(D("2030-01-02"), "Uji", Holiday.National)]);

        Assert.False(calendar.IsWorkingDay(D("2030-01-02")));
        Assert.Equal(D("2030-01-03"), calendar.AddWorkingDays(D("2030-01-01"), 1));
    }

    [Theory]
    [InlineData("""{ "year": 2026, "holidays": [ { "date": "2027-01-01", "name": "x", "kind": "libur-nasional" } ] }""")]
    [InlineData("""{ "year": 2026, "holidays": [ { "date": "01-01-2026", "name": "x", "kind": "libur-nasional" } ] }""")]
    [InlineData("""{ "year": 2026, "holidays": [ { "date": "2026-01-01", "name": "x", "kind": "libur" } ] }""")]
    [InlineData("""{ "year": 2026, "holidays": [ { "date": "2026-01-01", "name": "", "kind": "cuti-bersama" } ] }""")]
    public void ParseYear_RejectsBadData(string json)
    {
        Assert.Throws<InvalidDataException>(() => WorkingDayCalendar.ParseYear(json, out _));
    }

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
