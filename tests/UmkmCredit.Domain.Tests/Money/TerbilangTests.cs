using UmkmCredit.Domain.Money;

namespace UmkmCredit.Domain.Tests.Money;

public sealed class TerbilangTests
{
    [Theory]
    [InlineData(0L, "nol")]
    [InlineData(1L, "satu")]
    [InlineData(9L, "sembilan")]
    [InlineData(10L, "sepuluh")]
    [InlineData(11L, "sebelas")]
    [InlineData(12L, "dua belas")]
    [InlineData(19L, "sembilan belas")]
    [InlineData(20L, "dua puluh")]
    [InlineData(21L, "dua puluh satu")]
    [InlineData(99L, "sembilan puluh sembilan")]
    [InlineData(100L, "seratus")]
    [InlineData(101L, "seratus satu")]
    [InlineData(110L, "seratus sepuluh")]
    [InlineData(111L, "seratus sebelas")]
    [InlineData(200L, "dua ratus")]
    [InlineData(999L, "sembilan ratus sembilan puluh sembilan")]
    [InlineData(1_000L, "seribu")]
    [InlineData(1_001L, "seribu satu")]
    [InlineData(1_100L, "seribu seratus")]
    [InlineData(2_000L, "dua ribu")]
    [InlineData(11_000L, "sebelas ribu")]
    [InlineData(100_000L, "seratus ribu")]
    [InlineData(101_000L, "seratus satu ribu")]
    [InlineData(1_000_000L, "satu juta")]
    [InlineData(1_001_000L, "satu juta seribu")]
    [InlineData(1_250_500L, "satu juta dua ratus lima puluh ribu lima ratus")]
    [InlineData(10_000_000L, "sepuluh juta")]
    [InlineData(10_000_001L, "sepuluh juta satu")]
    [InlineData(50_000_000L, "lima puluh juta")]
    [InlineData(100_000_000L, "seratus juta")]
    [InlineData(500_000_000L, "lima ratus juta")]
    [InlineData(1_000_000_000L, "satu miliar")]
    [InlineData(1_000_000_000_000L, "satu triliun")]
    [InlineData(1_000_001_000_000L, "satu triliun satu juta")]
    [InlineData(999_999_999_999_999L, "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan")]
    public void ToWords_Table(long n, string expected)
    {
        Assert.Equal(expected, Terbilang.ToWords(n));
        Assert.Equal(n, Terbilang.Parse(expected));
    }

    [Fact]
    public void Rupiah_AppendsRupiah()
    {
        Assert.Equal("lima puluh juta rupiah", Terbilang.Rupiah(50_000_000));
        Assert.Equal(50_000_000, Terbilang.Parse("lima puluh juta rupiah"));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(1_000_000_000_000_000L)]
    [InlineData(long.MaxValue)]
    public void ToWords_OutOfRange_Throws(long n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Terbilang.ToWords(n));
    }

    [Theory]
    [InlineData("sejuta")]
    [InlineData("semiliar")]
    [InlineData("setriliun")]
    [InlineData("satu ribu")]
    [InlineData("satu ratus")]
    [InlineData("satu puluh")]
    [InlineData("satu belas")]
    [InlineData("ribu juta")]
    [InlineData("dua ribu tiga juta")]
    [InlineData("dua juta tiga juta")]
    [InlineData("sepuluh satu")]
    [InlineData("tujuh puluh lapan")]
    [InlineData("")]
    [InlineData("rupiah")]
    public void Parse_RejectsMalformedWords(string words)
    {
        Assert.Throws<FormatException>(() => Terbilang.Parse(words));
    }

    [Fact]
    public void ToWords_ManyNumbers_ParseBackAndNeverUseSeBeforeJutaMiliarTriliun()
    {
        var random = new Random(20261201);
        var numbers = new List<long>();
        for (long n = 0; n <= 2_100; n++)
        {
            numbers.Add(n);
        }

        long[] scales = [1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000];
        foreach (long scale in scales)
        {
            foreach (long k in new long[] { 1, 2, 9, 10, 11, 19, 99, 100, 101, 110, 111, 999 })
            {
                numbers.Add(k * scale);
                numbers.Add((k * scale) + 1);
                numbers.Add((k * scale) - 1);
                numbers.Add((k * scale) + scale - 1);
            }
        }

        numbers.Add(Terbilang.MaxValue);
        for (int i = 0; i < 20_000; i++)
        {
            // Mix magnitudes so that every group size is well represented.
            long limit = (long)Math.Pow(10, random.Next(1, 16));
            numbers.Add(random.NextInt64(0, Math.Min(limit, Terbilang.MaxValue + 1)));
        }

        foreach (long n in numbers.Where(n => n is >= 0 and <= Terbilang.MaxValue))
        {
            string words = Terbilang.ToWords(n);
            Assert.Equal(n, Terbilang.Parse(words));
            Assert.DoesNotContain("sejuta", words, StringComparison.Ordinal);
            Assert.DoesNotContain("semiliar", words, StringComparison.Ordinal);
            Assert.DoesNotContain("setriliun", words, StringComparison.Ordinal);
            Assert.False(words.StartsWith("satu ribu", StringComparison.Ordinal) || words.Contains("juta satu ribu", StringComparison.Ordinal)
                || words.Contains("miliar satu ribu", StringComparison.Ordinal) || words.Contains("triliun satu ribu", StringComparison.Ordinal), words);
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
            Assert.Equal(words.Trim(), words);
            Assert.Equal(words.ToLowerInvariant(), words);
            if (n != 0)
            {
                Assert.DoesNotContain("nol", words, StringComparison.Ordinal);
            }
        }
    }
}
