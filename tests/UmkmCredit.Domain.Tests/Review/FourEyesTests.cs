using UmkmCredit.Domain.Review;

namespace UmkmCredit.Domain.Tests.Review;

public sealed class FourEyesTests
{
    [Theory]
    [InlineData(50_000_000L, null, false)]
    [InlineData(50_000_000L, 50_000_000L, false)]
    [InlineData(50_000_001L, 50_000_000L, true)]
    [InlineData(10_000_000L, 25_000_000L, false)]
    public void An_approval_needs_a_second_level_only_above_the_limit(long amount, long? limit, bool expected) =>
        Assert.Equal(expected, FourEyes.NeedsSecondLevel(amount, limit));

    [Fact]
    public void The_same_id_or_the_same_e_mail_is_the_same_person()
    {
        Assert.True(FourEyes.SamePerson("a", "a@x.id", "a", "b@x.id"));
        Assert.True(FourEyes.SamePerson("a", "Kabid@X.id", "b", " kabid@x.id "));
        Assert.False(FourEyes.SamePerson("a", "a@x.id", "b", "b@x.id"));
        Assert.False(FourEyes.SamePerson("a", null, "b", null));
    }

    [Fact]
    public void The_second_level_is_another_person()
    {
        Assert.True(FourEyes.MayDecideSecondLevel("kabid", "analis").Allowed);
        var refused = FourEyes.MayDecideSecondLevel("analis", "analis");
        Assert.False(refused.Allowed);
        Assert.Contains("tingkat kedua", refused.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_opd_official_who_signs_approved_at_no_level()
    {
        Assert.True(FourEyes.MaySign("kadis", ["analis", "kabid"]).Allowed);
        Assert.True(FourEyes.MaySign("kadis", []).Allowed);
        var refused = FourEyes.MaySign("kabid", ["analis", "kabid"]);
        Assert.False(refused.Allowed);
        Assert.Contains("menandatangani", refused.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_note_names_both_amounts() =>
        Assert.Equal("Disetujui Rp75.000.000,00, di atas batas kewenangan Rp50.000.000,00: perlu persetujuan tingkat kedua.",
            FourEyes.SecondLevelNote(75_000_000, 50_000_000));
}
