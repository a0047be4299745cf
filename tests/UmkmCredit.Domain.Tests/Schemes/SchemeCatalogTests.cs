using UmkmCredit.Domain.Schemes;

namespace UmkmCredit.Domain.Tests.Schemes;

public sealed class SchemeCatalogTests
{
    [Fact]
    public void LoadEmbedded_LoadsTheFourSchemes()
    {
        SchemeCatalog catalog = SchemeCatalog.LoadEmbedded();

        Assert.Equal(
            ["KUR_KECIL", "KUR_MIKRO", "KUR_SUPER_MIKRO", "PEMBIAYAAN_SYARIAH_KALTARA"],
            catalog.Codes.Order(StringComparer.Ordinal));
    }
}
