using UmkmCredit.Domain.Identity;

namespace UmkmCredit.Domain.Tests.Identity;

public sealed class NikTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData("6571015508900003", "1990-08-15", "P")] // API example: day 55 = 15 + 40
    [InlineData("6571011508900003", "1990-08-15", "L")]
    [InlineData("6571014101900001", "1990-01-01", "P")] // day 41 = woman born on the 1st
    [InlineData("6571017101900001", "1990-01-31", "P")] // day 71 = woman born on the 31st
    [InlineData("6571013101900001", "1990-01-31", "L")]
    [InlineData("6571012902000001", "2000-02-29", "L")] // 29 February 2000 (leap)
    [InlineData("6571016902000001", "2000-02-29", "P")]
    [InlineData("6571012902960001", "1996-02-29", "L")]
    [InlineData("1101010101010001", "2001-01-01", "L")] // Aceh, lowest province
    [InlineData("9601010101010001", "2001-01-01", "L")] // highest province 96
    [InlineData("3201011506269999", "2026-06-15", "L")] // today → this century
    [InlineData("3201011606260001", "1926-06-16", "L")] // tomorrow in 2026 → 1926
    [InlineData("3201011508300001", "1930-08-15", "L")] // YY > current two-digit year → 19YY
    public void TryParse_Valid(string nik, string birthDate, string gender)
    {
        Assert.True(Nik.TryParse(nik, Today, out NikInfo? info, out string? error));
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), info.BirthDate);
        Assert.Equal(gender, info.Gender);
        Assert.Equal(nik[..2], info.ProvinceCode);
        Assert.Equal(nik[..4], info.RegencyCode);
        Assert.Equal(nik[..6], info.DistrictCode);
        Assert.Equal(nik[12..], info.Serial);
    }

    [Theory]
    [InlineData(null, "nik.format")]
    [InlineData("", "nik.format")]
    [InlineData("657101550890000", "nik.format")] // 15 digits
    [InlineData("65710155089000031", "nik.format")] // 17 digits
    [InlineData("657101550890000A", "nik.format")]
    [InlineData(" 6571015508900003", "nik.format")]
    [InlineData("6571-01550890003", "nik.format")]
    [InlineData("٦٥٧١٠١٥٥٠٨٩٠٠٠٠٣", "nik.format")] // Arabic-Indic digits are digits to char.IsDigit, not to us
    [InlineData("2071015508900003", "nik.province")] // 20 is not a province
    [InlineData("1071015508900003", "nik.province")]
    [InlineData("2271015508900003", "nik.province")]
    [InlineData("9771015508900003", "nik.province")]
    [InlineData("0071015508900003", "nik.province")]
    [InlineData("6500015508900003", "nik.province")] // kab/kota 00
    [InlineData("6571005508900003", "nik.province")] // kecamatan 00
    [InlineData("6571017201900001", "nik.date")] // day 72 = 32 for a woman
    [InlineData("6571017104900001", "nik.date")] // day 71 in April (30 days)
    [InlineData("6571013201900001", "nik.date")] // day 32
    [InlineData("6571014001900001", "nik.date")] // day 40
    [InlineData("6571010001900001", "nik.date")] // day 00
    [InlineData("6571011500900001", "nik.date")] // month 00
    [InlineData("6571011513900001", "nik.date")] // month 13
    [InlineData("6571012902010001", "nik.date")] // 29 February 2001 / 1901
    [InlineData("6571016902970001", "nik.date")] // 29 February 1997 (woman)
    [InlineData("6571015508900000", "nik.serial")]
    public void TryParse_Invalid(string? nik, string expectedCode)
    {
        Assert.False(Nik.TryParse(nik, Today, out NikInfo? info, out string? error));
        Assert.Null(info);
        Assert.Equal(expectedCode, error);
    }

    [Theory]
    [InlineData("11", true)]
    [InlineData("19", true)]
    [InlineData("20", false)]
    [InlineData("21", true)]
    [InlineData("22", false)]
    [InlineData("30", false)]
    [InlineData("31", true)]
    [InlineData("36", true)]
    [InlineData("37", false)]
    [InlineData("50", false)]
    [InlineData("51", true)]
    [InlineData("53", true)]
    [InlineData("54", false)]
    [InlineData("61", true)]
    [InlineData("65", true)]
    [InlineData("66", false)]
    [InlineData("71", true)]
    [InlineData("76", true)]
    [InlineData("77", false)]
    [InlineData("81", true)]
    [InlineData("82", true)]
    [InlineData("83", false)]
    [InlineData("91", true)]
    [InlineData("96", true)]
    [InlineData("97", false)]
    [InlineData("6", false)]
    public void IsProvinceCode(string code, bool expected)
    {
        Assert.Equal(expected, Nik.IsProvinceCode(code));
    }

    [Theory]
    [InlineData("6571015508900003", "6571********0003")]
    [InlineData("1234567890", "1234**7890")]
    [InlineData("12345678", "********")]
    [InlineData("", "")]
    public void Mask_KeepsFirstAndLastFour(string nik, string expected)
    {
        Assert.Equal(expected, Nik.Mask(nik));
    }

    [Fact]
    public void Mask_NeverContainsTheMiddleDigits()
    {
        string masked = Nik.Mask("6571015508900003");

        Assert.DoesNotContain("015508", masked, StringComparison.Ordinal);
        Assert.Equal(16, masked.Length);
    }
}

public sealed class PhoneTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("+6281234567890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("(0812) 3456 7890", "+6281234567890")]
    [InlineData("+62 812.3456.7890", "+6281234567890")]
    [InlineData("08123456789", "+628123456789")] // 10 digits after the 0
    [InlineData("08123456789012", "+628123456789012")] // 13 digits after the 0
    public void TryNormalize_Valid(string input, string expected)
    {
        Assert.True(Phone.TryNormalize(input, out string e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0812345678")] // 9 digits after the 0
    [InlineData("081234567890123")] // 14 digits after the 0
    [InlineData("0211234567890")] // landline
    [InlineData("81234567890")] // no prefix
    [InlineData("+620812345678901")] // 0 after +62
    [InlineData("00628123456789")]
    [InlineData("+1 812 3456 7890")]
    [InlineData("0812345678a")]
    [InlineData("08123+4567890")]
    [InlineData("0812\u00003456789")]
    public void TryNormalize_Invalid(string? input)
    {
        Assert.False(Phone.TryNormalize(input, out _));
    }
}

public sealed class BusinessNumberTests
{
    [Theory]
    [InlineData("9120301234567", "9120301234567")]
    [InlineData("912-030-123-4567", "9120301234567")]
    [InlineData(" 9120 3012 34567 ", "9120301234567")]
    public void Nib_Valid(string input, string expected)
    {
        Assert.True(Nib.TryNormalize(input, out string digits));
        Assert.Equal(expected, digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("912030123456")]
    [InlineData("91203012345678")]
    [InlineData("912030123456X")]
    public void Nib_Invalid(string? input)
    {
        Assert.False(Nib.TryNormalize(input, out _));
    }

    [Theory]
    [InlineData("01.234.567.8-901.000", "012345678901000")] // old 15-digit format
    [InlineData("012345678901000", "012345678901000")]
    [InlineData("6571015508900003", "6571015508900003")] // new 16-digit format (= NIK)
    public void Npwp_Valid(string input, string expected)
    {
        Assert.True(Npwp.TryNormalize(input, out string digits));
        Assert.Equal(expected, digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("01.234.567.8-901.00")] // 14 digits
    [InlineData("65710155089000031")] // 17 digits
    [InlineData("01/234/567/8/901/000")]
    public void Npwp_Invalid(string? input)
    {
        Assert.False(Npwp.TryNormalize(input, out _));
    }
}
