using UmkmCredit.Domain.Agreements;

namespace UmkmCredit.Domain.Tests.Agreements;

public sealed class AgreementNumberTests
{
    [Theory]
    [InlineData(1, "6571", 2026, 12, "001/PKS-UMKM/TRK/XII/2026")]
    [InlineData(12, "6501", 2027, 1, "012/PKS-UMKM/MLN/I/2027")]
    [InlineData(123, "6502", 2027, 4, "123/PKS-UMKM/BLG/IV/2027")]
    [InlineData(7, "6503", 2027, 9, "007/PKS-UMKM/TTG/IX/2027")]
    [InlineData(1234, "6504", 2027, 8, "1234/PKS-UMKM/NNK/VIII/2027")]
    public void Format_AndParseBack(int sequence, string regency, int year, int month, string expected)
    {
        string number = AgreementNumber.Format(sequence, regency, new DateOnly(year, month, 15));

        Assert.Equal(expected, number);
        Assert.True(AgreementNumber.TryParse(number, out int seq, out string abbrev, out int m, out int y));
        Assert.Equal((sequence, expected.Split('/')[2], month, year), (seq, abbrev, m, y));
    }

    [Theory]
    [InlineData(0, "6571")]
    [InlineData(-1, "6571")]
    public void Format_NonPositiveSequence_Throws(int sequence, string regency)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgreementNumber.Format(sequence, regency, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Format_UnknownRegency_Throws()
    {
        Assert.Throws<ArgumentException>(() => AgreementNumber.Format(1, "6472", new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01/PKS-UMKM/TRK/XII/2026")]
    [InlineData("000/PKS-UMKM/TRK/XII/2026")]
    [InlineData("001/PKS/TRK/XII/2026")]
    [InlineData("001/PKS-UMKM/SMD/XII/2026")]
    [InlineData("001/PKS-UMKM/trk/XII/2026")]
    [InlineData("001/PKS-UMKM/TRK/XIII/2026")]
    [InlineData("001/PKS-UMKM/TRK/12/2026")]
    [InlineData("001/PKS-UMKM/TRK/XII/26")]
    [InlineData("001/PKS-UMKM/TRK/XII/2026/x")]
    [InlineData("+01/PKS-UMKM/TRK/XII/2026")]
    public void TryParse_RejectsMalformed(string? value)
    {
        Assert.False(AgreementNumber.TryParse(value, out _, out _, out _, out _));
    }
}
