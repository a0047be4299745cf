using UmkmCredit.Domain.Money;

namespace UmkmCredit.Domain.Tests.Money;

public sealed class RupiahTests
{
    [Theory]
    [InlineData(0L, "Rp0,00")]
    [InlineData(999L, "Rp999,00")]
    [InlineData(1_000L, "Rp1.000,00")]
    [InlineData(10_000_000L, "Rp10.000.000,00")]
    [InlineData(50_000_000L, "Rp50.000.000,00")]
    [InlineData(1_250_500L, "Rp1.250.500,00")]
    [InlineData(999_999_999_999_999L, "Rp999.999.999.999.999,00")]
    [InlineData(-1_000L, "-Rp1.000,00")]
    public void Format_UsesDotsForThousandsAndCommaForDecimals(long amount, string expected)
    {
        Assert.Equal(expected, Rupiah.Format(amount));
    }

    [Fact]
    public void FormatWithWords_AppendsTerbilangInBrackets()
    {
        Assert.Equal("Rp50.000.000,00 (lima puluh juta rupiah)", Rupiah.FormatWithWords(50_000_000));
        Assert.Equal("Rp1.000.000,00 (satu juta rupiah)", Rupiah.FormatWithWords(1_000_000));
    }
}

public sealed class PercentTests
{
    [Theory]
    [InlineData("6", "6%", "enam persen")]
    [InlineData("3", "3%", "tiga persen")]
    [InlineData("10.5", "10,5%", "sepuluh koma lima persen")]
    [InlineData("2.25", "2,25%", "dua koma dua lima persen")]
    [InlineData("0.5", "0,5%", "nol koma lima persen")]
    [InlineData("6.00", "6%", "enam persen")]
    [InlineData("11.05", "11,05%", "sebelas koma nol lima persen")]
    [InlineData("100", "100%", "seratus persen")]
    public void FormatAndInWords(string value, string formatted, string words)
    {
        decimal p = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(formatted, Percent.Format(p));
        Assert.Equal(words, Percent.InWords(p));
        Assert.Equal($"{formatted} ({words})", Percent.FormatWithWords(p));
    }

    [Fact]
    public void InWords_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percent.InWords(-1m));
    }
}
