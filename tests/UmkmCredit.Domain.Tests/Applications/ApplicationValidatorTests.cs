using System.Text.Json;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;

namespace UmkmCredit.Domain.Tests.Applications;

public sealed class ApplicationValidatorTests
{
    private static readonly SchemeCatalog Schemes = SchemeCatalog.LoadEmbedded();

    [Fact]
    public void ApiExample_IsValid_AndNormalised()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.Valid(), Forms.Today, Schemes);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors));
        Assert.Empty(outcome.Errors);
        CreditApplication app = outcome.Application!;
        Assert.Equal(
            new Applicant("6571015508900003", "Siti Aminah", new DateOnly(1990, 8, 15), "P", "+6281234567890", "siti@example.id", "Jl. Yos Sudarso No. 10, Tarakan"),
            app.Applicant);
        Assert.Equal(
            new Business("Amplang Bu Siti", "9120301234567", null, null, "kuliner", "6571", "Jl. Mulawarman No. 5, Tarakan", new DateOnly(2019, 5, 1), 3, 15_000_000, true),
            app.Business);
        Assert.Equal(new CreditRequest("KUR_MIKRO", 50_000_000, 24, "modal-kerja", "Pembelian bahan baku dan kemasan", 0, null), app.Request);
        Assert.Null(app.ConsentedAtUtc);
    }

    [Fact]
    public void ApiExampleJson_DeserialisesWithWebDefaults_AndIsValid()
    {
        ApplicationForm? form = JsonSerializer.Deserialize<ApplicationForm>(Forms.ExampleJson, JsonSerializerOptions.Web);

        ValidationOutcome outcome = ApplicationValidator.Validate(form, Forms.Today, Schemes);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors));
    }

    [Fact]
    public void CreditApplication_RoundTripsThroughJson()
    {
        CreditApplication app = ApplicationValidator.Validate(Forms.Valid(), new DateTime(2026, 6, 15, 3, 0, 0, DateTimeKind.Utc), Schemes).Application!;

        string json = JsonSerializer.Serialize(app, JsonSerializerOptions.Web);
        CreditApplication? back = JsonSerializer.Deserialize<CreditApplication>(json, JsonSerializerOptions.Web);

        Assert.Equal(app, back);
        Assert.Contains("\"birthDate\":\"1990-08-15\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateWithUtcNow_StampsConsentTime_AndUsesTheWitaDate()
    {
        var now = new DateTime(2026, 6, 15, 3, 0, 0, DateTimeKind.Utc);

        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.Valid(), now, Schemes);

        Assert.Equal(now, outcome.Application!.ConsentedAtUtc);
    }

    [Fact]
    public void NullForm_IsOneRequiredError()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(null, Forms.Today, Schemes);

        Assert.False(outcome.IsValid);
        Assert.Null(outcome.Application);
        Assert.Equal(ValidationCodes.Required, Assert.Single(outcome.Errors).Code);
    }

    [Fact]
    public void EmptyForm_ReportsEverySection()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(new ApplicationForm(), Forms.Today, Schemes);

        Assert.Equal(
            ["applicant", "business", "consent.dataProcessing", "request"],
            outcome.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EmptySections_ReportEveryRequiredFieldAtOnce()
    {
        var form = new ApplicationForm { Applicant = new(), Business = new(), Request = new(), Consent = new() };

        ValidationOutcome outcome = ApplicationValidator.Validate(form, Forms.Today, Schemes);

        string[] expected =
        [
            "applicant.address", "applicant.birthDate", "applicant.email", "applicant.fullName", "applicant.gender", "applicant.nik", "applicant.phone",
            "business.address", "business.employees", "business.monthlyRevenue", "business.name", "business.regency", "business.sector", "business.startedOn",
            "consent.dataProcessing",
            "request.amount", "request.description", "request.purpose", "request.scheme", "request.tenorMonths",
        ];
        Assert.Equal(expected, outcome.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(outcome.Errors.Where(e => e.Path != "consent.dataProcessing"), e => Assert.Equal(ValidationCodes.Required, e.Code));
        Assert.All(outcome.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void SeveralProblems_AreAllReported()
    {
        ApplicationForm form = Forms.With(f =>
        {
            f.Applicant!.Nik = "123";
            f.Applicant.Phone = "021-555-1234";
            f.Applicant.Email = "siti@";
            f.Business!.Regency = "6472";
            f.Request!.Amount = 200_000_000;
            f.Consent!.DataProcessing = false;
        });

        ValidationOutcome outcome = ApplicationValidator.Validate(form, Forms.Today, Schemes);

        Assert.Equal(
            [
                ("applicant.email", "email.format"), ("applicant.nik", "nik.format"), ("applicant.phone", "phone.format"),
                ("business.regency", "regency.unknown"), ("consent.dataProcessing", "consent.required"), ("request.amount", "amount.aboveTier"),
            ],
            outcome.Errors.Select(e => (e.Path, e.Code)).Order());
        Assert.Equal(["nik.format"], outcome.CodesByPath()["applicant.nik"]);
        Assert.Single(outcome.MessagesByPath()["applicant.nik"]);
    }

    [Theory]
    [InlineData("6571015508900003", "1990-08-15", "P", null)]
    [InlineData("6571015508900003", "1990-08-15", "p", null)]
    [InlineData("6571015508900003", "1990-08-16", "P", "nik.birthDateMismatch")]
    [InlineData("6571015508900003", "1991-08-15", "P", "nik.birthDateMismatch")]
    [InlineData("6571015508900003", "1990-08-15", "L", "nik.genderMismatch")]
    [InlineData("6571011508900003", "1990-08-15", "P", "nik.genderMismatch")]
    [InlineData("6571011508900003", "1990-08-15", "L", null)]
    [InlineData("6571016902000001", "2000-02-29", "P", null)] // 29 February, woman
    [InlineData("6571012902000001", "2000-02-29", "L", null)]
    [InlineData("6571012902000001", "2000-03-01", "L", "nik.birthDateMismatch")]
    [InlineData("6571014101900001", "1990-01-01", "P", null)] // day 41
    [InlineData("6571017101900001", "1990-01-31", "P", null)] // day 71
    [InlineData("6571017201900001", "1990-02-01", "P", "nik.date")] // day 72
    [InlineData("2071015508900003", "1990-08-15", "P", "nik.province")]
    [InlineData("6571015508900000", "1990-08-15", "P", "nik.serial")]
    [InlineData("6571 0155 0890 0003", "1990-08-15", "P", "nik.format")]
    [InlineData("6571015508900003 ", "1990-08-15", "P", null)] // surrounding whitespace is trimmed
    [InlineData("3201011508300001", "1930-08-15", "L", null)] // born in the 1930s
    public void Nik_CrossChecks(string nik, string birthDate, string gender, string? expectedCode)
    {
        ApplicationForm form = Forms.With(f =>
        {
            f.Applicant!.Nik = nik;
            f.Applicant.BirthDate = birthDate;
            f.Applicant.Gender = gender;
        });

        ValidationOutcome outcome = ApplicationValidator.Validate(form, Forms.Today, Schemes);

        AssertOnly(outcome, "applicant.nik", expectedCode);
    }

    [Fact]
    public void Nik_BothMismatches_AreReported()
    {
        ApplicationForm form = Forms.With(f =>
        {
            f.Applicant!.BirthDate = "1990-08-16";
            f.Applicant.Gender = "L";
        });

        ValidationOutcome outcome = ApplicationValidator.Validate(form, Forms.Today, Schemes);

        Assert.Equal(["nik.birthDateMismatch", "nik.genderMismatch"], outcome.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("KUR_SUPER_MIKRO", 10_000_000L, null)]
    [InlineData("KUR_SUPER_MIKRO", 10_000_001L, "amount.aboveTier")]
    [InlineData("KUR_SUPER_MIKRO", 1L, null)]
    [InlineData("KUR_MIKRO", 10_000_000L, "amount.belowTier")]
    [InlineData("KUR_MIKRO", 10_000_001L, null)]
    [InlineData("KUR_MIKRO", 100_000_000L, null)]
    [InlineData("KUR_MIKRO", 100_000_001L, "amount.aboveTier")]
    [InlineData("KUR_KECIL", 100_000_000L, "amount.belowTier")]
    [InlineData("KUR_KECIL", 100_000_001L, null)]
    [InlineData("KUR_KECIL", 500_000_000L, null)]
    [InlineData("KUR_KECIL", 500_000_001L, "amount.aboveTier")]
    [InlineData("PEMBIAYAAN_SYARIAH_KALTARA", 100_000_000L, null)]
    [InlineData("PEMBIAYAAN_SYARIAH_KALTARA", 100_000_001L, "amount.aboveTier")]
    [InlineData("KUR_MIKRO", 0L, "range")]
    [InlineData("KUR_MIKRO", -50_000_000L, "range")]
    [InlineData("KUR_MIKRO", long.MaxValue, "range")]
    public void Amount_Tiers(string scheme, long amount, string? expectedCode)
    {
        ApplicationForm form = Forms.With(f =>
        {
            f.Request!.Scheme = scheme;
            f.Request.Amount = amount;
        });

        AssertOnly(ApplicationValidator.Validate(form, Forms.Today, Schemes), "request.amount", expectedCode);
    }

    [Theory]
    [InlineData("modal-kerja", 36, null)]
    [InlineData("modal-kerja", 37, "tenor.aboveLimit")]
    [InlineData("investasi", 60, null)]
    [InlineData("investasi", 61, "tenor.aboveLimit")]
    [InlineData("investasi", 1, null)]
    [InlineData("modal-kerja", 0, "range")]
    [InlineData("modal-kerja", -1, "range")]
    public void Tenor_PerPurpose(string purpose, int tenor, string? expectedCode)
    {
        ApplicationForm form = Forms.With(f =>
        {
            f.Request!.Purpose = purpose;
            f.Request.TenorMonths = tenor;
        });

        AssertOnly(ApplicationValidator.Validate(form, Forms.Today, Schemes), "request.tenorMonths", expectedCode);
    }

    [Theory]
    [InlineData("konsumtif", "purpose.unknown")]
    [InlineData("MODAL-KERJA", null)]
    [InlineData("", "required")]
    public void Purpose(string purpose, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Request!.Purpose = purpose), Forms.Today, Schemes), "request.purpose", expectedCode);
    }

    [Theory]
    [InlineData("KUR_MIKRO", null)]
    [InlineData("kur_mikro", null)]
    [InlineData("KUR_UMI", "scheme.unknown")]
    [InlineData("  ", "required")]
    public void Scheme(string scheme, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Request!.Scheme = scheme), Forms.Today, Schemes), "request.scheme", expectedCode);
    }

    [Fact]
    public void Scheme_NotYetInForce_IsUnknown()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.Valid(), new DateOnly(2023, 12, 31), Schemes);

        Assert.Contains(outcome.Errors, e => e.Path == "request.scheme" && e.Code == ValidationCodes.SchemeUnknown);
    }

    [Theory]
    [InlineData("6501", null)]
    [InlineData("6502", null)]
    [InlineData("6503", null)]
    [InlineData("6504", null)]
    [InlineData("6571", null)]
    [InlineData("6472", "regency.unknown")]
    [InlineData("65", "regency.unknown")]
    [InlineData("Tarakan", "regency.unknown")]
    public void Regency(string regency, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Business!.Regency = regency), Forms.Today, Schemes), "business.regency", expectedCode);
    }

    [Theory]
    [InlineData("wastra", null)]
    [InlineData("Kuliner", null)]
    [InlineData("tambang", "sector.unknown")]
    public void Sector(string sector, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Business!.Sector = sector), Forms.Today, Schemes), "business.sector", expectedCode);
    }

    [Theory]
    [InlineData("0812 3456 7890", null)]
    [InlineData("6281234567890", null)]
    [InlineData("0812345678", "phone.format")]
    [InlineData("+1 202 555 0100", "phone.format")]
    public void Phone(string phone, string? expectedCode)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.Phone = phone), Forms.Today, Schemes);

        AssertOnly(outcome, "applicant.phone", expectedCode);
        if (expectedCode is null)
        {
            Assert.Equal("+6281234567890", outcome.Application!.Applicant.Phone);
        }
    }

    [Theory]
    [InlineData("siti@example.id", null)]
    [InlineData("Siti.Aminah+kur@Example.CO.ID", null)]
    [InlineData("siti", "email.format")]
    [InlineData("siti@example", "email.format")]
    [InlineData("siti@@example.id", "email.format")]
    [InlineData("si ti@example.id", "email.format")]
    [InlineData("siti@exa_mple.id", "email.format")]
    [InlineData(".siti@example.id", "email.format")]
    [InlineData("siti@-example.id", "email.format")]
    [InlineData("siti@example.id<script>", "email.format")]
    public void Email(string email, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Applicant!.Email = email), Forms.Today, Schemes), "applicant.email", expectedCode);
    }

    [Fact]
    public void Email_DomainIsLowerCased()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.Email = "Siti@Example.ID"), Forms.Today, Schemes);

        Assert.Equal("Siti@example.id", outcome.Application!.Applicant.Email);
    }

    [Theory]
    [InlineData("15-08-1990", "date.format")]
    [InlineData("1990-02-30", "date.format")]
    [InlineData("1990-8-15", "date.format")]
    [InlineData("2026-06-16", "date.future")]
    [InlineData("2009-06-16", "birthDate.underage")] // one day short of 17
    [InlineData("1899-12-31", "date.tooOld")]
    public void BirthDate(string birthDate, string expectedCode)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.BirthDate = birthDate), Forms.Today, Schemes);

        Assert.Contains(outcome.Errors, e => e.Path == "applicant.birthDate" && e.Code == expectedCode);
        Assert.DoesNotContain(outcome.Errors, e => e.Code == "nik.birthDateMismatch");
    }

    [Fact]
    public void BirthDate_Exactly17_IsAccepted()
    {
        // NIK 3201011506090001: born 15 June 2009, 17 today.
        ApplicationForm form = Forms.With(f =>
        {
            f.Applicant!.Nik = "3201011506090001";
            f.Applicant.BirthDate = "2009-06-15";
            f.Applicant.Gender = "L";
        });

        Assert.True(ApplicationValidator.Validate(form, Forms.Today, Schemes).IsValid);
    }

    [Theory]
    [InlineData("X", "gender.invalid")]
    [InlineData("LP", "text.tooLong")]
    [InlineData("", "required")]
    public void Gender(string gender, string expectedCode)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Applicant!.Gender = gender), Forms.Today, Schemes);

        ValidationError error = Assert.Single(outcome.Errors);
        Assert.Equal(("applicant.gender", expectedCode), (error.Path, error.Code));
    }

    [Theory]
    [InlineData("2026-06-15", null)] // started today: valid; too young is screening's call
    [InlineData("2026-06-16", "date.future")]
    [InlineData("01/05/2019", "date.format")]
    public void StartedOn(string startedOn, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Business!.StartedOn = startedOn), Forms.Today, Schemes), "business.startedOn", expectedCode);
    }

    [Theory]
    [InlineData("9120301234567", null, "9120301234567")]
    [InlineData("912-0301-234567", null, "9120301234567")]
    [InlineData("912030123456", "nib.format", null)]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    public void Nib(string? nib, string? expectedCode, string? stored)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Business!.Nib = nib), Forms.Today, Schemes);

        AssertOnly(outcome, "business.nib", expectedCode);
        if (expectedCode is null)
        {
            Assert.Equal(stored, outcome.Application!.Business.Nib);
        }
    }

    [Theory]
    [InlineData("01.234.567.8-901.000", null, "012345678901000")]
    [InlineData("6571015508900003", null, "6571015508900003")]
    [InlineData("01.234.567.8-901.00", "npwp.format", null)]
    [InlineData(null, null, null)]
    public void Npwp(string? npwp, string? expectedCode, string? stored)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Business!.Npwp = npwp), Forms.Today, Schemes);

        AssertOnly(outcome, "business.npwp", expectedCode);
        if (expectedCode is null)
        {
            Assert.Equal(stored, outcome.Application!.Business.Npwp);
        }
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1_000, null)]
    [InlineData(-1, "range")]
    [InlineData(1_001, "range")]
    public void Employees(int employees, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Business!.Employees = employees), Forms.Today, Schemes), "business.employees", expectedCode);
    }

    [Theory]
    [InlineData(0L, null)]
    [InlineData(-1L, "range")]
    public void MonthlyRevenue(long revenue, string? expectedCode)
    {
        AssertOnly(ApplicationValidator.Validate(Forms.With(f => f.Business!.MonthlyRevenue = revenue), Forms.Today, Schemes), "business.monthlyRevenue", expectedCode);
    }

    [Theory]
    [InlineData(null, 0, null)]
    [InlineData(0, 0, null)]
    [InlineData(3, 3, null)]
    [InlineData(-1, 0, "range")]
    [InlineData(100, 0, "range")]
    public void PriorKurCount(int? prior, int stored, string? expectedCode)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Request!.PriorKurCount = prior), Forms.Today, Schemes);

        AssertOnly(outcome, "request.priorKurCount", expectedCode);
        if (expectedCode is null)
        {
            Assert.Equal(stored, outcome.Application!.Request.PriorKurCount);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Consent_MustBeTrue(bool? consent)
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Consent!.DataProcessing = consent), Forms.Today, Schemes);

        Assert.Equal(new ValidationError("consent.dataProcessing", "consent.required", "Persetujuan pemrosesan data pribadi wajib diberikan."), Assert.Single(outcome.Errors));
    }

    [Fact]
    public void HalalCertified_DefaultsToFalse()
    {
        ValidationOutcome outcome = ApplicationValidator.Validate(Forms.With(f => f.Business!.HalalCertified = null), Forms.Today, Schemes);

        Assert.False(outcome.Application!.Business.HalalCertified);
    }

    [Fact]
    public void Collateral_BlankBecomesNull_TextIsKept()
    {
        CreditApplication blank = ApplicationValidator.Validate(Forms.With(f => f.Request!.Collateral = "   "), Forms.Today, Schemes).Application!;
        CreditApplication given = ApplicationValidator.Validate(Forms.With(f => f.Request!.Collateral = " BPKB motor "), Forms.Today, Schemes).Application!;

        Assert.Null(blank.Request.Collateral);
        Assert.Equal("BPKB motor", given.Request.Collateral);
    }

    internal static void AssertOnly(ValidationOutcome outcome, string path, string? expectedCode)
    {
        if (expectedCode is null)
        {
            Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors));
            return;
        }

        Assert.False(outcome.IsValid);
        Assert.Null(outcome.Application);
        ValidationError error = Assert.Single(outcome.Errors);
        Assert.Equal((path, expectedCode), (error.Path, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}

public sealed class WhatsAppConsentTests
{
    private static readonly SchemeCatalog Schemes = SchemeCatalog.LoadEmbedded();

    [Theory]
    [InlineData(null, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Consent_whatsapp_is_optional_and_false_unless_given(bool? given, bool expected)
    {
        var outcome = ApplicationValidator.Validate(Forms.With(f => f.Consent!.WhatsApp = given), Forms.Today, Schemes);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors));
        Assert.Equal(expected, outcome.Application!.WhatsAppConsent);
    }

    [Fact]
    public void A_stored_application_without_the_field_reads_as_not_opted_in()
    {
        var app = ApplicationValidator.Validate(Forms.With(f => f.Consent!.WhatsApp = true), Forms.Today, Schemes).Application!;
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(app, JsonSerializerOptions.Web))!.AsObject();
        Assert.True(json["whatsAppConsent"]!.GetValue<bool>());

        json.Remove("whatsAppConsent");
        var older = JsonSerializer.Deserialize<CreditApplication>(json.ToJsonString(), JsonSerializerOptions.Web)!;

        Assert.False(older.WhatsAppConsent);
        Assert.Equal(app with { WhatsAppConsent = false }, older);
    }
}
