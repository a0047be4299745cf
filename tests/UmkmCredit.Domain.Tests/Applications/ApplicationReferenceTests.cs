using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Tests.Applications;

public sealed class ApplicationReferenceTests
{
    [Fact]
    public void Formats_regency_year_and_a_six_digit_sequence()
    {
        Assert.Equal("UMKM-6571-2026-000123", ApplicationReference.Format("6571", 2026, 123));
        Assert.Equal("UMKM-6501-2027-1234567", ApplicationReference.Format("6501", 2027, 1234567));
    }

    [Fact]
    public void Refuses_an_unknown_regency_or_a_sequence_below_one()
    {
        Assert.Throws<ArgumentException>(() => ApplicationReference.Format("3171", 2026, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationReference.Format("6571", 2026, 0));
    }

    [Theory]
    [InlineData("UMKM-6571-2026-000123", "6571", 2026, 123)]
    [InlineData("  umkm-6504-2026-000001 ", "6504", 2026, 1)]
    public void Parses_what_it_formats_and_what_people_type(string typed, string regency, int year, int sequence)
    {
        Assert.True(ApplicationReference.TryParse(typed, out var r, out var y, out var s));
        Assert.Equal((regency, year, sequence), (r, y, s));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UMKM-3171-2026-000123")]
    [InlineData("UMKM-6571-26-000123")]
    [InlineData("UMKM-6571-2026-000000")]
    [InlineData("KUR-6571-2026-000123")]
    [InlineData("UMKM-6571-2026-12a")]
    [InlineData("001/PKS-UMKM/TRK/XII/2026")]
    public void Rejects_anything_else(string? typed) =>
        Assert.False(ApplicationReference.TryParse(typed, out _, out _, out _));
}
