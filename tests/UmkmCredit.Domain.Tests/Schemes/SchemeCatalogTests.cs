using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;

namespace UmkmCredit.Domain.Tests.Schemes;

public sealed class SchemeCatalogTests
{
    private static readonly SchemeCatalog Catalog = SchemeCatalog.LoadEmbedded();
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void LoadEmbedded_LoadsTheFourSchemes()
    {
        Assert.Equal(
            ["KUR_KECIL", "KUR_MIKRO", "KUR_SUPER_MIKRO", "PEMBIAYAAN_SYARIAH_KALTARA"],
            Catalog.Codes.Order(StringComparer.Ordinal));
        Assert.Equal(4, Catalog.All.Count);
    }

    [Theory]
    [InlineData("KUR_SUPER_MIKRO", 1L, 10_000_000L, new[] { 3.0 }, "NotAllowed", false)]
    [InlineData("KUR_MIKRO", 10_000_001L, 100_000_000L, new[] { 6.0, 7.0, 8.0, 9.0 }, "NotAllowed", false)]
    [InlineData("KUR_KECIL", 100_000_001L, 500_000_000L, new[] { 6.0, 7.0, 8.0, 9.0 }, "PerBank", false)]
    [InlineData("PEMBIAYAAN_SYARIAH_KALTARA", 1_000_000L, 100_000_000L, new[] { 6.0 }, "NotAllowed", true)]
    public void EmbeddedData_MatchesDomainFacts(string code, long min, long max, double[] rates, string collateral, bool sharia)
    {
        SchemeVersion scheme = Catalog.Find(code, Today)!;

        Assert.Equal($"{code}@2024-01-01", scheme.Version);
        Assert.Equal((min, max), (scheme.MinAmount, scheme.MaxAmount));
        Assert.Equal(rates.Select(r => (decimal)r), scheme.AnnualRatePercentByUse);
        Assert.Equal(36, scheme.MaxTenorMonthsFor("modal-kerja"));
        Assert.Equal(60, scheme.MaxTenorMonthsFor("investasi"));
        Assert.Equal(6, scheme.MinBusinessAgeMonths);
        Assert.Equal(collateral, scheme.Collateral.ToString());
        Assert.Equal(sharia, scheme.IsSharia);
        Assert.Equal(sharia ? "murabahah" : null, scheme.Akad);
    }

    [Fact]
    public void Tiers_AreContiguousAndDoNotOverlap()
    {
        SchemeVersion superMikro = Catalog.Find("KUR_SUPER_MIKRO", Today)!;
        SchemeVersion mikro = Catalog.Find("KUR_MIKRO", Today)!;
        SchemeVersion kecil = Catalog.Find("KUR_KECIL", Today)!;

        Assert.Equal(superMikro.MaxAmount + 1, mikro.MinAmount);
        Assert.Equal(mikro.MaxAmount + 1, kecil.MinAmount);
    }

    [Theory]
    [InlineData(0, 6)]
    [InlineData(1, 7)]
    [InlineData(2, 8)]
    [InlineData(3, 9)]
    [InlineData(10, 9)]
    [InlineData(-1, 6)]
    public void RateByRepeatUse(int prior, int expected)
    {
        Assert.Equal(expected, Catalog.Find("KUR_MIKRO", Today)!.AnnualRatePercentFor(prior));
    }

    [Fact]
    public void Find_BeforeEffectiveDate_IsNull_AndUnknownIsNull()
    {
        Assert.Null(Catalog.Find("KUR_MIKRO", new DateOnly(2023, 12, 31)));
        Assert.NotNull(Catalog.Find("KUR_MIKRO", new DateOnly(2024, 1, 1)));
        Assert.Null(Catalog.Find("KUR_UMI", Today));
        Assert.Null(Catalog.Find("kur_mikro", Today));
    }

    [Fact]
    public void Find_PicksTheVersionInForceOnTheDate()
    {
        SchemeCatalog catalog = SchemeCatalog.Parse([Json("KUR_MIKRO", "2024-01-01", "[6, 7, 8, 9]"), Json("KUR_MIKRO", "2027-01-01", "[5, 6]")]);

        Assert.Equal("KUR_MIKRO@2024-01-01", catalog.Find("KUR_MIKRO", new DateOnly(2026, 12, 31))!.Version);
        Assert.Equal("KUR_MIKRO@2027-01-01", catalog.Find("KUR_MIKRO", new DateOnly(2027, 1, 1))!.Version);
        Assert.Equal(5m, catalog.Find("KUR_MIKRO", new DateOnly(2030, 1, 1))!.AnnualRatePercentFor(0));
        Assert.Equal(6m, catalog.FindVersion("KUR_MIKRO@2024-01-01")!.AnnualRatePercentFor(0));
        Assert.Null(catalog.FindVersion("KUR_MIKRO@2025-01-01"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "01-01-2024", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 3, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "konsumtif": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "sometimes", "documents": [ { "anyOf": ["ktp"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp", "selfie"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["kk"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "isSharia": true, "documents": [ { "anyOf": ["ktp"] } ] }""")]
    [InlineData("""{ "code": "kur x", "name": "X", "effectiveFrom": "2024-01-01", "minAmount": 1, "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp"] } ] }""")]
    [InlineData("""{ "code": "KUR_X", "name": "X", "effectiveFrom": "2024-01-01", "maxAmount": 2, "annualRatePercentByUse": [6], "maxTenorMonths": { "modal-kerja": 36 }, "minBusinessAgeMonths": 6, "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp"] } ] }""")]
    public void Parse_RejectsInvalidData(string json)
    {
        Assert.Throws<InvalidSchemeDataException>(() => SchemeCatalog.Parse([json]));
    }

    [Fact]
    public void Parse_RejectsDuplicateVersions()
    {
        Assert.Throws<InvalidSchemeDataException>(() => SchemeCatalog.Parse([Json("KUR_MIKRO", "2024-01-01", "[6]"), Json("KUR_MIKRO", "2024-01-01", "[7]")]));
    }

    [Fact]
    public void EmbeddedSchemes_AllRequireKtpKkAndNibOrSku()
    {
        foreach (SchemeVersion scheme in Catalog.All)
        {
            Assert.Contains(scheme.Documents, d => d.AnyOf.SequenceEqual([DocumentKinds.Ktp]));
            Assert.Contains(scheme.Documents, d => d.AnyOf.SequenceEqual([DocumentKinds.Kk]));
            Assert.Contains(scheme.Documents, d => d.AnyOf.SequenceEqual([DocumentKinds.Nib, DocumentKinds.Sku]));
            Assert.Contains(scheme.Documents, d => d.AnyOf.SequenceEqual([DocumentKinds.Npwp]) && d.WhenAmountAbove == 50_000_000);
            Assert.Contains(scheme.Documents, d => d.AnyOf.SequenceEqual([DocumentKinds.BusinessPhoto]));
            Assert.Equal(scheme.Code == "KUR_KECIL", scheme.Documents.Any(d => d.AnyOf.Contains(DocumentKinds.FinancialStatement)));
        }
    }

    internal static string Json(string code, string effectiveFrom, string rates) => $$"""
        { "code": "{{code}}", "name": "Uji", "effectiveFrom": "{{effectiveFrom}}", "minAmount": 10000001, "maxAmount": 100000000,
          "annualRatePercentByUse": {{rates}}, "maxTenorMonths": { "modal-kerja": 36, "investasi": 60 }, "minBusinessAgeMonths": 6,
          "collateral": "notAllowed", "documents": [ { "anyOf": ["ktp"] } ] }
        """;
}

public sealed class DocumentKindsTests
{
    [Fact]
    public void All_HasTheSevenKindsOfApiMd()
    {
        Assert.Equal(["ktp", "kk", "nib", "sku", "npwp", "business-photo", "financial-statement"], DocumentKinds.All);
    }

    [Theory]
    [InlineData("ktp", true)]
    [InlineData("financial-statement", true)]
    [InlineData("KTP", false)]
    [InlineData("selfie", false)]
    [InlineData(null, false)]
    public void IsKnown(string? kind, bool expected)
    {
        Assert.Equal(expected, DocumentKinds.IsKnown(kind));
    }
}
