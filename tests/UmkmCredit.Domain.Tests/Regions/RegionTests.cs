using UmkmCredit.Domain.Regions;

namespace UmkmCredit.Domain.Tests.Regions;

public sealed class RegionTests
{
    [Theory]
    [InlineData("6501", "Kabupaten Malinau", "MLN")]
    [InlineData("6502", "Kabupaten Bulungan", "BLG")]
    [InlineData("6503", "Kabupaten Tana Tidung", "TTG")]
    [InlineData("6504", "Kabupaten Nunukan", "NNK")]
    [InlineData("6571", "Kota Tarakan", "TRK")]
    public void Regencies_AllFive(string code, string name, string abbreviation)
    {
        Assert.True(Regencies.TryGet(code, out Regency? regency));
        Assert.Equal(new Regency(code, name, abbreviation), regency);
        Assert.Equal(regency, Regencies.Get(code));
    }

    [Fact]
    public void Regencies_ExactlyFive()
    {
        Assert.Equal(5, Regencies.All.Count);
        Assert.All(Regencies.All, r => Assert.StartsWith(Regencies.ProvinceCode, r.Code, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("6505")]
    [InlineData("6472")] // Samarinda, Kalimantan Timur
    [InlineData("65")]
    [InlineData("Tarakan")]
    public void Regencies_Unknown(string? code)
    {
        Assert.False(Regencies.TryGet(code, out _));
    }

    [Fact]
    public void Regencies_Get_Unknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => Regencies.Get("6505"));
    }

    [Theory]
    [InlineData("kuliner", true)]
    [InlineData("wastra", true)]
    [InlineData("industri-pengolahan", true)]
    [InlineData("Kuliner", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("judi", false)]
    public void Sectors_IsKnown(string? sector, bool expected)
    {
        Assert.Equal(expected, Sectors.IsKnown(sector));
    }

    [Theory]
    [InlineData("modal-kerja", true)]
    [InlineData("investasi", true)]
    [InlineData("konsumtif", false)]
    [InlineData(null, false)]
    public void Purposes_IsKnown(string? purpose, bool expected)
    {
        Assert.Equal(expected, Purposes.IsKnown(purpose));
    }
}
