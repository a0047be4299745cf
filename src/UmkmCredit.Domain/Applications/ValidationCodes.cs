namespace UmkmCredit.Domain.Applications;

/// <summary>The stable machine codes of <see cref="ValidationError.Code"/>.</summary>
public static class ValidationCodes
{
    /// <summary>A required value is missing or blank.</summary>
    public const string Required = "required";

    /// <summary>Control characters, null bytes, unpaired surrogates or bidi controls.</summary>
    public const string InvalidCharacters = "text.invalidCharacters";

    /// <summary>Longer than allowed.</summary>
    public const string TooLong = "text.tooLong";

    /// <summary>Not a <c>yyyy-MM-dd</c> date.</summary>
    public const string DateFormat = "date.format";

    /// <summary>A date in the future where only past dates make sense.</summary>
    public const string DateFuture = "date.future";

    /// <summary>A date implausibly far in the past.</summary>
    public const string DateTooOld = "date.tooOld";

    /// <summary>The applicant is younger than 17 (the age for a KTP).</summary>
    public const string Underage = "birthDate.underage";

    /// <summary>Gender is not L or P.</summary>
    public const string Gender = "gender.invalid";

    /// <summary>NIK is not 16 digits.</summary>
    public const string NikFormat = Identity.Nik.FormatError;

    /// <summary>NIK province (or region) part is not real.</summary>
    public const string NikProvince = Identity.Nik.ProvinceError;

    /// <summary>NIK date part is not a real date.</summary>
    public const string NikDate = Identity.Nik.DateError;

    /// <summary>NIK serial is 0000.</summary>
    public const string NikSerial = Identity.Nik.SerialError;

    /// <summary>NIK date part differs from <c>birthDate</c>.</summary>
    public const string NikBirthDateMismatch = "nik.birthDateMismatch";

    /// <summary>NIK day (+40 for women) differs from <c>gender</c>.</summary>
    public const string NikGenderMismatch = "nik.genderMismatch";

    /// <summary>A name without a single letter (e.g. only digits, punctuation or invisible characters).</summary>
    public const string NameLetters = "name.letters";

    /// <summary>Not an Indonesian mobile number.</summary>
    public const string PhoneFormat = "phone.format";

    /// <summary>Not an e-mail address.</summary>
    public const string EmailFormat = "email.format";

    /// <summary>NIB is not 13 digits.</summary>
    public const string NibFormat = "nib.format";

    /// <summary>NPWP is not 15 or 16 digits.</summary>
    public const string NpwpFormat = "npwp.format";

    /// <summary>Unknown sector.</summary>
    public const string SectorUnknown = "sector.unknown";

    /// <summary>Not a Kaltara regency code.</summary>
    public const string RegencyUnknown = "regency.unknown";

    /// <summary>A number out of its range.</summary>
    public const string Range = "range";

    /// <summary>Unknown scheme (or not in force on the date).</summary>
    public const string SchemeUnknown = "scheme.unknown";

    /// <summary>Amount below the scheme's minimum.</summary>
    public const string AmountBelowTier = "amount.belowTier";

    /// <summary>Amount above the scheme's maximum.</summary>
    public const string AmountAboveTier = "amount.aboveTier";

    /// <summary>Tenor longer than the scheme allows for the purpose.</summary>
    public const string TenorAboveLimit = "tenor.aboveLimit";

    /// <summary>Unknown purpose.</summary>
    public const string PurposeUnknown = "purpose.unknown";

    /// <summary>The scheme does not finance this purpose.</summary>
    public const string PurposeNotAllowed = "purpose.notAllowed";

    /// <summary>Consent to data processing not given.</summary>
    public const string ConsentRequired = "consent.required";
}
