using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;

namespace UmkmCredit.Domain.Tests.Applications;

public sealed class HostileTextTests
{
    private static readonly SchemeCatalog Schemes = SchemeCatalog.LoadEmbedded();

    [Theory]
    [InlineData("Siti 🌸 Aminah")] // emoji are allowed
    [InlineData("👩🏽‍🍳 Dapur Siti")] // ZWJ sequence with skin tone
    [InlineData("Ni Luh Putu Ayu")]
    [InlineData("D'Amplang & Co.")]
    [InlineData("Amplang \"Bu Siti\"")]
    [InlineData("Café Tarakan")]
    public void Names_WithPrintableUnicode_AreKept(string name)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Business!.Name = name), Forms.Today, Schemes);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors));
        Assert.Equal(name, outcome.Application!.Business.Name);
    }

    [Fact]
    public void Html_IsKeptLiterally_NotStrippedOrEncoded()
    {
        const string html = "<script>alert('x')</script> & <b>Siti</b>";

        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Request!.Description = html), Forms.Today, Schemes);

        Assert.Equal(html, outcome.Application!.Request.Description);
    }

    [Theory]
    [InlineData("Siti\u0000Aminah")] // null byte
    [InlineData("Siti\u0007Aminah")] // bell
    [InlineData("Siti\u001BAminah")] // escape
    [InlineData("Siti\u007FAminah")] // delete
    [InlineData("Siti\u0085Aminah")] // C1 next line
    [InlineData("Siti\nAminah")] // line break in a single-line field
    [InlineData("Siti\tAminah")]
    [InlineData("Siti\u202EhanimA")] // right-to-left override
    [InlineData("Siti\u202AAminah")]
    [InlineData("Siti\u202DAminah")]
    [InlineData("Siti\u2066Aminah\u2069")] // isolates
    [InlineData("Siti\u2067Aminah")]
    [InlineData("Siti\u2068Aminah")]
    [InlineData("Siti\u200FAminah")] // right-to-left mark
    [InlineData("Siti\u200EAminah")]
    [InlineData("Siti\u2028Aminah")] // line separator
    [InlineData("Siti\uFEFFAminah")]
    public void Names_WithControlOrBidiCharacters_AreRejected(string name)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.FullName = name), Forms.Today, Schemes);

        ApplicationValidatorTests.AssertOnly(outcome, "applicant.fullName", ValidationCodes.InvalidCharacters);
    }

    [Fact]
    public void Names_WithUnpairedSurrogates_AreRejected()
    {
        // Built at run time: attribute strings are stored as UTF-8 and would turn lone surrogates into U+FFFD.
        string[] names =
        [
            "Siti" + (char)0xD83D + "Aminah", // lone high surrogate
            "Siti" + (char)0xDE00 + "Aminah", // lone low surrogate
            "Siti Aminah" + (char)0xD83D, // high surrogate at the end
            new string([(char)0xDE00, (char)0xD83D]) + "Siti", // reversed pair
        ];

        foreach (string name in names)
        {
            ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.FullName = name), Forms.Today, Schemes);

            ApplicationValidatorTests.AssertOnly(outcome, "applicant.fullName", ValidationCodes.InvalidCharacters);
        }
    }

    [Fact]
    public void ReplacementCharacter_IsAllowed()
    {
        Assert.True(TextHygiene.TryClean("Siti \uFFFD", 100, multiLine: false, out string cleaned, out _));
        Assert.Equal("Siti \uFFFD", cleaned);
    }

    [Theory]
    [InlineData(100, null)]
    [InlineData(101, "text.tooLong")]
    [InlineData(10_240, "text.tooLong")] // 10 KB
    [InlineData(1_000_000, "text.tooLong")]
    public void Names_LongerThan100_AreRejected(int length, string? expectedCode)
    {
        string name = new('a', length);

        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.FullName = name), Forms.Today, Schemes);

        ApplicationValidatorTests.AssertOnly(outcome, "applicant.fullName", expectedCode);
    }

    [Theory]
    [InlineData("applicant.address", 250)]
    [InlineData("business.address", 250)]
    [InlineData("business.name", 100)]
    [InlineData("request.description", 1000)]
    [InlineData("request.collateral", 250)]
    public void LengthLimits(string path, int max)
    {
        void Set(ApplicationForm f, string value)
        {
            switch (path)
            {
                case "applicant.address": f.Applicant!.Address = value; break;
                case "business.address": f.Business!.Address = value; break;
                case "business.name": f.Business!.Name = value; break;
                case "request.description": f.Request!.Description = value; break;
                default: f.Request!.Collateral = value; break;
            }
        }

        ValidationOutcome atMax = ApplicationValidator.Validate(Forms.With(f => Set(f, new string('x', max))), Forms.Today, Schemes);
        ValidationOutcome overMax = ApplicationValidator.Validate(Forms.With(f => Set(f, new string('x', max + 1))), Forms.Today, Schemes);

        Assert.DoesNotContain(atMax.Errors, e => e.Path == path);
        Assert.Contains(overMax.Errors, e => e.Path == path && e.Code == ValidationCodes.TooLong);
    }

    [Fact]
    public void Whitespace_IsTrimmed_AndCollapsedInNames()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.FullName = "  Siti    Aminah \u00A0"), Forms.Today, Schemes);

        Assert.Equal("Siti Aminah", outcome.Application!.Applicant.FullName);
    }

    [Fact]
    public void OnlyWhitespace_IsRequired()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.FullName = " \u3000 "), Forms.Today, Schemes);

        ApplicationValidatorTests.AssertOnly(outcome, "applicant.fullName", ValidationCodes.Required);
    }

    [Fact]
    public void Addresses_AllowLineBreaks_NormalisedToLf()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.Address = "Jl. Yos Sudarso No. 10\r\nTarakan"), Forms.Today, Schemes);

        Assert.Equal("Jl. Yos Sudarso No. 10\nTarakan", outcome.Application!.Applicant.Address);
    }

    [Fact]
    public void Text_IsNormalisedToNfc()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Business!.Name = "Cafe\u0301 Tarakan"), Forms.Today, Schemes);

        Assert.Equal("Caf\u00E9 Tarakan", outcome.Application!.Business.Name);
    }

    [Fact]
    public void HostileValuesInEveryField_AreAllReported()
    {
        ApplicationForm form = Forms.With(f =>
        {
            f.Applicant!.FullName = "a\u0000";
            f.Applicant.Address = "b\u202E";
            f.Business!.Name = new string('x', 10_240);
            f.Business.Address = "c\uD800";
            f.Request!.Description = "d\u2066";
        });

        ValidationOutcome outcome = ApplicationValidator.Validate(form, Forms.Today, Schemes);

        Assert.Equal(
            [
                ("applicant.address", "text.invalidCharacters"), ("applicant.fullName", "text.invalidCharacters"),
                ("business.address", "text.invalidCharacters"), ("business.name", "text.tooLong"),
                ("request.description", "text.invalidCharacters"),
            ],
            outcome.Errors.Select(e => (e.Path, e.Code)).Order());
    }

    [Fact]
    public void NullByteInNik_IsRejected()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.Nik = "657101550890\u00000003"), Forms.Today, Schemes);

        Assert.Contains(outcome.Errors, e => e.Path == "applicant.nik");
        Assert.Null(outcome.Application);
    }

    [Theory]
    [InlineData("\u200B")] // zero-width space only
    [InlineData("\u200B\u200C\u2060")] // invisible joiners only
    [InlineData("12345")]
    [InlineData("... --- ...")]
    [InlineData("🌸🌸")]
    public void Names_without_a_letter_are_refused(string name)
    {
        ValidationOutcome person = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.FullName = name), Forms.Today, Schemes);
        ValidationOutcome business = ApplicationValidator.Validate(Forms.With(f => f.Business!.Name = name), Forms.Today, Schemes);

        Assert.Contains(person.Errors, e => e.Path == "applicant.fullName" && e.Code is ValidationCodes.NameLetters or ValidationCodes.Required or ValidationCodes.InvalidCharacters);
        Assert.Contains(business.Errors, e => e.Path == "business.name" && e.Code is ValidationCodes.NameLetters or ValidationCodes.Required or ValidationCodes.InvalidCharacters);
        Assert.False(person.IsValid);
    }

    [Fact]
    public void A_zero_width_space_name_is_refused_for_having_no_letter()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.FullName = "\u200B"), Forms.Today, Schemes);

        Assert.Contains(outcome.Errors, e => e.Path == "applicant.fullName" && e.Code == ValidationCodes.NameLetters);
    }
}
