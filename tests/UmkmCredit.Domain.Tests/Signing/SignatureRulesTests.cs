using UmkmCredit.Domain.Signing;

namespace UmkmCredit.Domain.Tests.Signing;

public sealed class SignatureRulesTests
{
    private static List<string> Sign(string? otp, string? name, bool consent) =>
        SignatureRules.ValidateSign(otp, name, "Siti Aminah", consent).Select(e => e.Path + ":" + e.Code).ToList();

    [Fact]
    public void Code_own_name_and_consent_sign() => Assert.Empty(Sign("123456", "Siti Aminah", true));

    [Theory]
    [InlineData("siti aminah")]
    [InlineData("  SITI   Aminah ")]
    public void The_name_matches_ignoring_case_and_spacing(string typed) => Assert.Empty(Sign("123456", typed, true));

    [Fact]
    public void Another_name_is_refused() => Assert.Equal(["fullName:fullName.mismatch"], Sign("123456", "Siti Aminah Binti", true));

    [Fact]
    public void Every_missing_part_is_reported_at_its_field() =>
        Assert.Equal(["otp:otp.format", "fullName:required", "consent:consent.required"], Sign("12", " ", false));

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("Jumlah angsuran tidak sesuai kesepakatan.", true)]
    public void A_decline_needs_a_reason(string? reason, bool ok) => Assert.Equal(ok, SignatureRules.ValidateDecline(reason).Count == 0);

    [Fact]
    public void A_decline_reason_has_a_length_limit() =>
        Assert.Single(SignatureRules.ValidateDecline(new string('x', SignatureRules.MaxReason + 1)));
}
