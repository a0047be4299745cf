using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class ContentHashTests
{
    [Fact]
    public void Hash_is_sha256_hex_and_stable()
    {
        string a = AgreementRenderer.ContentHash(SampleAgreements.Conventional());
        string b = AgreementRenderer.ContentHash(SampleAgreements.Conventional());
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Hash_changes_with_any_field()
    {
        AgreementModel m = SampleAgreements.Conventional();
        string hash = AgreementRenderer.ContentHash(m);
        Assert.NotEqual(hash, AgreementRenderer.ContentHash(m with { Amount = m.Amount + 1 }));
        Assert.NotEqual(hash, AgreementRenderer.ContentHash(m with { Debtor = m.Debtor with { Name = "Siti Rahmawati." } }));
        Assert.NotEqual(hash, AgreementRenderer.ContentHash(m with { Recommendations = [.. m.Recommendations, "x"] }));
    }

    [Fact]
    public void Equal_rates_with_different_scale_hash_the_same()
    {
        AgreementModel m = SampleAgreements.Conventional();
        Assert.Equal(AgreementRenderer.ContentHash(m with { AnnualRatePercent = 6m }), AgreementRenderer.ContentHash(m with { AnnualRatePercent = 6.00m }));
    }
}
