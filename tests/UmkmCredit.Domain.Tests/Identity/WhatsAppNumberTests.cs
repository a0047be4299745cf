using UmkmCredit.Domain.Identity;

namespace UmkmCredit.Domain.Tests.Identity;

public sealed class WhatsAppNumberTests
{
    [Theory]
    [InlineData("081234567890", "6281234567890")]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("0812 3456 7890", "6281234567890")]
    [InlineData("+62 812-3456-7890", "6281234567890")]
    [InlineData("+6281234567890", "6281234567890")]
    [InlineData("6281234567890", "6281234567890")]
    [InlineData("(0811) 555.1234", "628115551234")]
    [InlineData("0852123456789", "62852123456789")]
    public void Indonesian_mobile_numbers_become_E164_digits(string input, string expected)
    {
        Assert.True(WhatsAppNumber.TryNormalize(input, out var digits));
        Assert.Equal(expected, digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+60123456789")] // Malaysia
    [InlineData("+6591234567")] // Singapore
    [InlineData("0215551234")] // Jakarta landline
    [InlineData("+62215551234")] // landline with the country code
    [InlineData("08123")] // too short
    [InlineData("0812345678901234")] // too long
    [InlineData("0812-3456-789a")] // a letter
    [InlineData("0812+34567890")] // a plus in the middle
    [InlineData("8123456789")] // no leading 0 or 62
    public void Other_numbers_are_refused(string? input)
    {
        Assert.False(WhatsAppNumber.TryNormalize(input, out var digits));
        Assert.Equal(string.Empty, digits);
    }

    [Theory]
    [InlineData("6281234567890", "62812****7890")]
    [InlineData("+6281234567890", "62812****7890")]
    [InlineData("628115551234", "62811***1234")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Masked_numbers_keep_the_prefix_and_the_last_four_digits(string number, string expected)
    {
        Assert.Equal(expected, WhatsAppNumber.Mask(number));
    }
}
