using UmkmCredit.Domain.Calendar;

namespace UmkmCredit.Domain.Tests.Calendar;

public sealed class IndonesianDatesTests
{
    [Theory]
    [InlineData(DayOfWeek.Monday, "Senin")]
    [InlineData(DayOfWeek.Tuesday, "Selasa")]
    [InlineData(DayOfWeek.Wednesday, "Rabu")]
    [InlineData(DayOfWeek.Thursday, "Kamis")]
    [InlineData(DayOfWeek.Friday, "Jumat")]
    [InlineData(DayOfWeek.Saturday, "Sabtu")]
    [InlineData(DayOfWeek.Sunday, "Minggu")]
    public void DayName(DayOfWeek day, string expected)
    {
        Assert.Equal(expected, IndonesianDates.DayName(day));
    }

    [Theory]
    [InlineData(1, "Januari", "I")]
    [InlineData(2, "Februari", "II")]
    [InlineData(3, "Maret", "III")]
    [InlineData(4, "April", "IV")]
    [InlineData(5, "Mei", "V")]
    [InlineData(6, "Juni", "VI")]
    [InlineData(7, "Juli", "VII")]
    [InlineData(8, "Agustus", "VIII")]
    [InlineData(9, "September", "IX")]
    [InlineData(10, "Oktober", "X")]
    [InlineData(11, "November", "XI")]
    [InlineData(12, "Desember", "XII")]
    public void MonthNameAndRoman(int month, string name, string roman)
    {
        Assert.Equal(name, IndonesianDates.MonthName(month));
        Assert.Equal(roman, IndonesianDates.RomanMonth(month));
        Assert.Equal(month, IndonesianDates.ParseRomanMonth(roman));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void MonthOutOfRange_Throws(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndonesianDates.MonthName(month));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndonesianDates.RomanMonth(month));
    }

    [Fact]
    public void Formats_1Desember2026()
    {
        var date = new DateOnly(2026, 12, 1);

        Assert.Equal("1 Desember 2026", IndonesianDates.FormatLong(date));
        Assert.Equal("Selasa, 1 Desember 2026", IndonesianDates.FormatWithDay(date));
        Assert.Equal("Pada hari ini, Selasa, tanggal 1 Desember 2026", IndonesianDates.OpeningLine(date));
    }

    [Fact]
    public void FormatWithDay_29February2028()
    {
        Assert.Equal("Selasa, 29 Februari 2028", IndonesianDates.FormatWithDay(new DateOnly(2028, 2, 29)));
    }
}

public sealed class WitaTests
{
    [Fact]
    public void Zone_IsUtcPlus8()
    {
        Assert.Equal(TimeSpan.FromHours(8), Wita.Zone.GetUtcOffset(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(8), Wita.Zone.GetUtcOffset(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void FromUtc_AddsEightHours()
    {
        var utc = new DateTime(2026, 12, 1, 6, 5, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 12, 1, 14, 5, 0), Wita.FromUtc(utc));
        Assert.Equal("1 Desember 2026 14.05 WITA", Wita.FormatTimestamp(utc));
    }

    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11-30")] // 23:59:59 WITA
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01")] // midnight WITA
    [InlineData("2026-12-31T16:30:00Z", "2027-01-01")]
    public void TodayFromUtc_CrossesMidnightAt16Utc(string utc, string expected)
    {
        DateTime instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Wita.TodayFromUtc(instant));
    }

    [Fact]
    public void FormatTimestamp_PadsHoursAndMinutes()
    {
        Assert.Equal("1 Januari 2027 00.07 WITA", Wita.FormatTimestamp(new DateTime(2026, 12, 31, 16, 7, 0, DateTimeKind.Utc)));
    }
}
