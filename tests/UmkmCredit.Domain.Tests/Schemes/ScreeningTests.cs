using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;

namespace UmkmCredit.Domain.Tests.Schemes;

public sealed class ScreeningTests
{
    private static readonly SchemeCatalog Catalog = SchemeCatalog.LoadEmbedded();
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly string[] BasicDocuments = ["ktp", "kk", "nib", "business-photo"];
    private static readonly string[] AllDocuments = ["ktp", "kk", "nib", "sku", "npwp", "business-photo", "financial-statement"];

    [Fact]
    public void ApiExample_WithDocuments_IsEligible()
    {
        ScreeningResult result = Screening.Screen(App(), BasicDocuments, Today, Catalog);

        Assert.Equal(ScreeningOutcome.Eligible, result.Outcome);
        Assert.True(result.IsEligible);
        Assert.Empty(result.Reasons);
        Assert.Equal(["ktp", "kk", "nib", "business-photo"], result.RequiredDocuments);
        Assert.Empty(result.MissingDocuments);
        Assert.Equal("KUR_MIKRO@2024-01-01", result.RuleVersion);
        Assert.Equal(6m, result.AnnualRatePercent);
        Assert.False(result.IsSharia);
    }

    [Theory]
    [InlineData("KUR_SUPER_MIKRO", 10_000_000L, null)]
    [InlineData("KUR_SUPER_MIKRO", 10_000_001L, "amount.aboveTier")]
    [InlineData("KUR_MIKRO", 10_000_000L, "amount.belowTier")]
    [InlineData("KUR_MIKRO", 10_000_001L, null)]
    [InlineData("KUR_MIKRO", 100_000_000L, null)]
    [InlineData("KUR_MIKRO", 100_000_001L, "amount.aboveTier")]
    [InlineData("KUR_KECIL", 100_000_000L, "amount.belowTier")]
    [InlineData("KUR_KECIL", 100_000_001L, null)]
    [InlineData("KUR_KECIL", 500_000_000L, null)]
    [InlineData("KUR_KECIL", 500_000_001L, "amount.aboveTier")]
    public void AmountTiers(string scheme, long amount, string? expectedCode)
    {
        ScreeningResult result = Screening.Screen(App(request: r => r with { SchemeCode = scheme, Amount = amount }), AllDocuments, Today, Catalog);

        AssertReason(result, expectedCode);
    }

    [Theory]
    [InlineData("modal-kerja", 36, null)]
    [InlineData("modal-kerja", 37, "tenor.aboveLimit")]
    [InlineData("investasi", 60, null)]
    [InlineData("investasi", 61, "tenor.aboveLimit")]
    [InlineData("konsumtif", 12, "purpose.notAllowed")]
    public void TenorPerPurpose(string purpose, int tenor, string? expectedCode)
    {
        ScreeningResult result = Screening.Screen(App(request: r => r with { Purpose = purpose, TenorMonths = tenor }), BasicDocuments, Today, Catalog);

        AssertReason(result, expectedCode);
    }

    [Theory]
    [InlineData("2025-12-15", "2026-06-15", null)] // exactly 6 months
    [InlineData("2025-12-16", "2026-06-15", "business.tooYoung")] // one day short
    [InlineData("2025-12-31", "2026-06-30", null)] // month-end: 31 Dec + 6 months = 30 Jun
    [InlineData("2026-01-01", "2026-06-30", "business.tooYoung")]
    [InlineData("2025-08-31", "2026-02-28", null)] // 31 Aug + 6 months = 28 Feb
    [InlineData("2026-06-15", "2026-06-15", "business.tooYoung")]
    public void BusinessAge_AtLeastSixMonths(string startedOn, string today, string? expectedCode)
    {
        CreditApplication app = App(business: b => b with { StartedOn = D(startedOn) });

        AssertReason(Screening.Screen(app, BasicDocuments, D(today), Catalog), expectedCode);
    }

    [Theory]
    [InlineData("KUR_SUPER_MIKRO", 5_000_000L, "collateral.notAllowed")]
    [InlineData("KUR_MIKRO", 100_000_000L, "collateral.notAllowed")]
    [InlineData("PEMBIAYAAN_SYARIAH_KALTARA", 50_000_000L, "collateral.notAllowed")]
    [InlineData("KUR_KECIL", 200_000_000L, null)]
    public void Collateral(string scheme, long amount, string? expectedCode)
    {
        CreditApplication app = App(request: r => r with { SchemeCode = scheme, Amount = amount, Collateral = "Sertifikat tanah" });

        AssertReason(Screening.Screen(app, AllDocuments, Today, Catalog), expectedCode);
    }

    [Theory]
    [InlineData("KUR_SUPER_MIKRO", 10_000_000L, new[] { "ktp", "kk", "nib", "business-photo" })]
    [InlineData("KUR_MIKRO", 50_000_000L, new[] { "ktp", "kk", "nib", "business-photo" })]
    [InlineData("KUR_MIKRO", 50_000_001L, new[] { "ktp", "kk", "nib", "npwp", "business-photo" })]
    [InlineData("KUR_KECIL", 100_000_001L, new[] { "ktp", "kk", "nib", "npwp", "business-photo", "financial-statement" })]
    [InlineData("PEMBIAYAAN_SYARIAH_KALTARA", 50_000_001L, new[] { "ktp", "kk", "nib", "npwp", "business-photo" })]
    public void RequiredDocuments_PerSchemeAndAmount(string scheme, long amount, string[] expected)
    {
        ScreeningResult none = Screening.Screen(App(request: r => r with { SchemeCode = scheme, Amount = amount }), [], Today, Catalog);
        ScreeningResult all = Screening.Screen(App(request: r => r with { SchemeCode = scheme, Amount = amount }), expected, Today, Catalog);

        Assert.Equal(ScreeningOutcome.MissingDocuments, none.Outcome);
        Assert.Equal(expected, none.RequiredDocuments);
        Assert.Equal(expected, none.MissingDocuments);
        Assert.Equal("documents.missing", Assert.Single(none.Reasons).Code);
        Assert.Equal(ScreeningOutcome.Eligible, all.Outcome);
        Assert.Empty(all.MissingDocuments);
    }

    [Fact]
    public void MissingDocuments_ListsOnlyWhatIsMissing_AndExplainsInIndonesian()
    {
        ScreeningResult result = Screening.Screen(App(), ["ktp", "nib"], Today, Catalog);

        Assert.Equal(ScreeningOutcome.MissingDocuments, result.Outcome);
        Assert.Equal(["kk", "business-photo"], result.MissingDocuments);
        Assert.Equal("Dokumen yang belum diunggah: Kartu Keluarga (KK), foto usaha.", Assert.Single(result.Reasons).Message);
    }

    [Fact]
    public void SkuSatisfiesNibRequirement()
    {
        CreditApplication app = App(business: b => b with { Nib = null, Sku = "SKU/123/2025" });

        ScreeningResult withSku = Screening.Screen(app, ["ktp", "kk", "sku", "business-photo"], Today, Catalog);
        ScreeningResult without = Screening.Screen(app, ["ktp", "kk", "business-photo"], Today, Catalog);

        Assert.Equal(ScreeningOutcome.Eligible, withSku.Outcome);
        Assert.Contains("sku", withSku.RequiredDocuments);
        Assert.Equal(["sku"], without.MissingDocuments);
        Assert.Contains("NIB atau Surat Keterangan Usaha (SKU)", without.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ineligible_BeatsMissingDocuments_AndEveryReasonIsReported()
    {
        CreditApplication app = App(
            business: b => b with { StartedOn = Today.AddMonths(-2) },
            request: r => r with { Amount = 150_000_000, TenorMonths = 48, Collateral = "BPKB" });

        ScreeningResult result = Screening.Screen(app, [], Today, Catalog);

        Assert.Equal(ScreeningOutcome.Ineligible, result.Outcome);
        Assert.Equal(
            ["amount.aboveTier", "business.tooYoung", "collateral.notAllowed", "tenor.aboveLimit"],
            result.Reasons.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Reasons, r => r.Code == "documents.missing");
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Theory]
    [InlineData("KUR_MIKRO", 0, 6)]
    [InlineData("KUR_MIKRO", 1, 7)]
    [InlineData("KUR_MIKRO", 2, 8)]
    [InlineData("KUR_MIKRO", 3, 9)]
    [InlineData("KUR_MIKRO", 7, 9)]
    [InlineData("KUR_KECIL", 1, 7)]
    [InlineData("KUR_SUPER_MIKRO", 2, 3)]
    public void Rate_ByRepeatUse(string scheme, int prior, int expectedRate)
    {
        long amount = scheme switch { "KUR_SUPER_MIKRO" => 10_000_000, "KUR_KECIL" => 200_000_000, _ => 50_000_000 };

        ScreeningResult result = Screening.Screen(App(request: r => r with { SchemeCode = scheme, Amount = amount, PriorKurCount = prior }), AllDocuments, Today, Catalog);

        Assert.Equal(expectedRate, result.AnnualRatePercent);
    }

    [Fact]
    public void ShariaScheme_IsMarkedSharia()
    {
        ScreeningResult result = Screening.Screen(App(request: r => r with { SchemeCode = "PEMBIAYAAN_SYARIAH_KALTARA" }), BasicDocuments, Today, Catalog);

        Assert.Equal(ScreeningOutcome.Eligible, result.Outcome);
        Assert.True(result.IsSharia);
        Assert.Equal(6m, result.AnnualRatePercent);
        Assert.Equal("PEMBIAYAAN_SYARIAH_KALTARA@2024-01-01", result.RuleVersion);
    }

    [Fact]
    public void UnknownScheme_IsIneligible()
    {
        ScreeningResult result = Screening.Screen(App(request: r => r with { SchemeCode = "KUR_UMI" }), AllDocuments, Today, Catalog);

        Assert.Equal(ScreeningOutcome.Ineligible, result.Outcome);
        Assert.Equal("scheme.unknown", Assert.Single(result.Reasons).Code);
        Assert.Equal(string.Empty, result.RuleVersion);
    }

    [Fact]
    public void RuleVersion_FollowsTheScreeningDate()
    {
        SchemeCatalog catalog = SchemeCatalog.Parse([SchemeCatalogTests.Json("KUR_MIKRO", "2024-01-01", "[6]"), SchemeCatalogTests.Json("KUR_MIKRO", "2027-01-01", "[5]")]);

        ScreeningResult before = Screening.Screen(App(), ["ktp"], new DateOnly(2026, 12, 31), catalog);
        ScreeningResult after = Screening.Screen(App(), ["ktp"], new DateOnly(2027, 1, 1), catalog);

        Assert.Equal(("KUR_MIKRO@2024-01-01", 6m), (before.RuleVersion, before.AnnualRatePercent));
        Assert.Equal(("KUR_MIKRO@2027-01-01", 5m), (after.RuleVersion, after.AnnualRatePercent));
    }

    [Fact]
    public void Result_RoundTripsThroughJson()
    {
        ScreeningResult result = Screening.Screen(App(), ["ktp"], Today, Catalog);

        string json = System.Text.Json.JsonSerializer.Serialize(result);
        ScreeningResult? back = System.Text.Json.JsonSerializer.Deserialize<ScreeningResult>(json);

        Assert.Equal(result, back);
        Assert.Contains("\"Outcome\":\"MissingDocuments\"", json, StringComparison.Ordinal);
    }

    private static CreditApplication App(Func<Business, Business>? business = null, Func<CreditRequest, CreditRequest>? request = null)
    {
        var app = new CreditApplication(
            new Applicant("6571015508900003", "Siti Aminah", new DateOnly(1990, 8, 15), "P", "+6281234567890", "siti@example.id", "Jl. Yos Sudarso No. 10, Tarakan"),
            new Business("Amplang Bu Siti", "9120301234567", null, null, "kuliner", "6571", "Jl. Mulawarman No. 5, Tarakan", new DateOnly(2019, 5, 1), 3, 15_000_000, true),
            new CreditRequest("KUR_MIKRO", 50_000_000, 24, "modal-kerja", "Pembelian bahan baku dan kemasan", 0, null),
            null);
        return app with
        {
            Business = business?.Invoke(app.Business) ?? app.Business,
            Request = request?.Invoke(app.Request) ?? app.Request,
        };
    }

    private static void AssertReason(ScreeningResult result, string? expectedCode)
    {
        if (expectedCode is null)
        {
            Assert.Equal(ScreeningOutcome.Eligible, result.Outcome);
            Assert.Empty(result.Reasons);
            return;
        }

        Assert.Equal(ScreeningOutcome.Ineligible, result.Outcome);
        Assert.Equal(expectedCode, Assert.Single(result.Reasons).Code);
    }

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
