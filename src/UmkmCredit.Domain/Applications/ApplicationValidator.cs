using System.Globalization;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Domain.Schemes;

namespace UmkmCredit.Domain.Applications;

/// <summary>
/// Validates and normalises an <see cref="ApplicationForm"/>: formats, ranges, known codes, consent, the scheme's
/// overall amount range and tenor limit, and text hygiene. Reports every error at once. Eligibility (business age,
/// documents) is <see cref="Screening"/>, not validation.
/// </summary>
public static class ApplicationValidator
{
    /// <summary>Maximum length of person and business names.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Maximum length of addresses and the collateral description.</summary>
    public const int MaxAddressLength = 250;

    /// <summary>Maximum length of the request description.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>Maximum length of an e-mail address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Minimum applicant age in years (the age for a KTP).</summary>
    public const int MinApplicantAge = 17;

    /// <summary>Validates a form as of <paramref name="nowUtc"/> (WITA date) and stamps the consent time.</summary>
    public static ValidationOutcome Validate(ApplicationForm? form, DateTime nowUtc, SchemeCatalog schemes)
    {
        ValidationOutcome outcome = Validate(form, Wita.TodayFromUtc(nowUtc), schemes);
        return outcome.Application is null
            ? outcome
            : outcome with { Application = outcome.Application with { ConsentedAtUtc = Wita.AsUtc(nowUtc) } };
    }

    /// <summary>Validates a form as of <paramref name="today"/> (WITA date). <see cref="CreditApplication.ConsentedAtUtc"/> is left null.</summary>
    public static ValidationOutcome Validate(ApplicationForm? form, DateOnly today, SchemeCatalog schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        var v = new Collector(today);
        if (form is null)
        {
            v.Add(string.Empty, ValidationCodes.Required, "Data pengajuan wajib diisi.");
            return new ValidationOutcome(null, v.Errors);
        }

        Applicant? applicant = ValidateApplicant(form.Applicant, v);
        Business? business = ValidateBusiness(form.Business, v);
        CreditRequest? request = ValidateRequest(form.Request, v, schemes);
        if (form.Consent?.DataProcessing != true)
        {
            v.Add("consent.dataProcessing", ValidationCodes.ConsentRequired, "Persetujuan pemrosesan data pribadi wajib diberikan.");
        }

        CreditApplication? application = v.Errors.Count == 0 && applicant is not null && business is not null && request is not null
            ? new CreditApplication(applicant, business, request, null, form.Consent?.WhatsApp == true)
            : null;
        return new ValidationOutcome(application, v.Errors);
    }

    private static Applicant? ValidateApplicant(ApplicantForm? form, Collector v)
    {
        if (form is null)
        {
            v.Add("applicant", ValidationCodes.Required, "Data pemohon wajib diisi.");
            return null;
        }

        string? nik = v.Text(form.Nik, "applicant.nik", 64, required: true, label: "NIK");
        NikInfo? nikInfo = null;
        if (nik is not null && !Nik.TryParse(nik, v.Today, out nikInfo, out string? nikError))
        {
            v.Add("applicant.nik", nikError!, nikError switch
            {
                Nik.ProvinceError => "Kode provinsi/wilayah pada NIK tidak valid.",
                Nik.DateError => "Tanggal lahir pada NIK tidak valid.",
                Nik.SerialError => "Nomor urut pada NIK tidak valid (0000).",
                _ => "NIK harus terdiri dari 16 angka.",
            });
        }

        string? fullName = v.Name(form.FullName, "applicant.fullName", MaxNameLength, "Nama lengkap");
        DateOnly? birthDate = v.PastDate(form.BirthDate, "applicant.birthDate", "Tanggal lahir");
        if (birthDate is DateOnly born && born.AddYears(MinApplicantAge) > v.Today)
        {
            v.Add("applicant.birthDate", ValidationCodes.Underage, $"Pemohon harus berusia minimal {MinApplicantAge} tahun.");
            birthDate = null;
        }

        string? gender = null;
        string? rawGender = v.Text(form.Gender, "applicant.gender", 1, required: true, label: "Jenis kelamin");
        if (rawGender is not null)
        {
            gender = rawGender.ToUpperInvariant();
            if (gender is not ("L" or "P"))
            {
                v.Add("applicant.gender", ValidationCodes.Gender, "Jenis kelamin harus L (laki-laki) atau P (perempuan).");
                gender = null;
            }
        }

        if (nikInfo is not null && birthDate is DateOnly b
            && (nikInfo.BirthDate.Day != b.Day || nikInfo.BirthDate.Month != b.Month || nikInfo.BirthDate.Year % 100 != b.Year % 100))
        {
            v.Add("applicant.nik", ValidationCodes.NikBirthDateMismatch, "Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang diisi.");
        }

        if (nikInfo is not null && gender is not null && nikInfo.Gender != gender)
        {
            v.Add("applicant.nik", ValidationCodes.NikGenderMismatch, "Jenis kelamin pada NIK tidak sesuai dengan jenis kelamin yang diisi.");
        }

        string? phone = null;
        string? rawPhone = v.Text(form.Phone, "applicant.phone", 32, required: true, label: "Nomor HP");
        if (rawPhone is not null)
        {
            if (Phone.TryNormalize(rawPhone, out string e164))
            {
                phone = e164;
            }
            else
            {
                v.Add("applicant.phone", ValidationCodes.PhoneFormat, "Nomor HP harus nomor seluler Indonesia (08… atau +628…).");
            }
        }

        string? email = v.Text(form.Email, "applicant.email", MaxEmailLength, required: true, label: "Alamat e-mail");
        if (email is not null)
        {
            email = NormalizeEmail(email);
            if (email is null)
            {
                v.Add("applicant.email", ValidationCodes.EmailFormat, "Alamat e-mail tidak valid.");
            }
        }

        string? address = v.Text(form.Address, "applicant.address", MaxAddressLength, required: true, label: "Alamat", multiLine: true);

        return nik is not null && nikInfo is not null && fullName is not null && birthDate is not null && gender is not null
               && phone is not null && email is not null && address is not null
            ? new Applicant(nik, fullName, birthDate.Value, gender, phone, email, address)
            : null;
    }

    private static Business? ValidateBusiness(BusinessForm? form, Collector v)
    {
        if (form is null)
        {
            v.Add("business", ValidationCodes.Required, "Data usaha wajib diisi.");
            return null;
        }

        bool ok = true;
        string? name = v.Name(form.Name, "business.name", MaxNameLength, "Nama usaha");

        string? nib = null;
        string? rawNib = v.Text(form.Nib, "business.nib", 40, required: false, label: "NIB");
        if (rawNib is { Length: > 0 })
        {
            if (Nib.TryNormalize(rawNib, out string digits))
            {
                nib = digits;
            }
            else
            {
                v.Add("business.nib", ValidationCodes.NibFormat, "NIB harus terdiri dari 13 angka.");
                ok = false;
            }
        }

        string? sku = v.Text(form.Sku, "business.sku", MaxNameLength, required: false, label: "Nomor SKU");
        ok &= sku is not null;

        string? npwp = null;
        string? rawNpwp = v.Text(form.Npwp, "business.npwp", 40, required: false, label: "NPWP");
        if (rawNpwp is { Length: > 0 })
        {
            if (Npwp.TryNormalize(rawNpwp, out string digits))
            {
                npwp = digits;
            }
            else
            {
                v.Add("business.npwp", ValidationCodes.NpwpFormat, "NPWP harus terdiri dari 15 atau 16 angka.");
                ok = false;
            }
        }

        string? sector = v.Text(form.Sector, "business.sector", 50, required: true, label: "Sektor usaha")?.ToLowerInvariant();
        if (sector is not null && !Sectors.IsKnown(sector))
        {
            v.Add("business.sector", ValidationCodes.SectorUnknown, "Sektor usaha tidak dikenal. Pilihan: " + string.Join(", ", Sectors.All) + ".");
            sector = null;
        }

        string? regency = v.Text(form.Regency, "business.regency", 10, required: true, label: "Kabupaten/kota");
        if (regency is not null && !Regencies.TryGet(regency, out _))
        {
            v.Add("business.regency", ValidationCodes.RegencyUnknown, "Lokasi usaha harus di Kalimantan Utara: " + string.Join(", ", Regencies.All.Select(r => $"{r.Code} ({r.Name})")) + ".");
            regency = null;
        }

        string? address = v.Text(form.Address, "business.address", MaxAddressLength, required: true, label: "Alamat usaha", multiLine: true);
        DateOnly? startedOn = v.PastDate(form.StartedOn, "business.startedOn", "Tanggal mulai usaha");
        int? employees = v.Range(form.Employees, "business.employees", 0, 1_000, "Jumlah pekerja");
        long? revenue = v.Range(form.MonthlyRevenue, "business.monthlyRevenue", 0, 100_000_000_000, "Omzet bulanan");

        return ok && name is not null && sector is not null && regency is not null && address is not null
               && startedOn is not null && employees is not null && revenue is not null
            ? new Business(name, nib, sku is { Length: > 0 } ? sku : null, npwp, sector, regency, address, startedOn.Value, employees.Value, revenue.Value, form.HalalCertified ?? false)
            : null;
    }

    private static CreditRequest? ValidateRequest(RequestForm? form, Collector v, SchemeCatalog schemes)
    {
        if (form is null)
        {
            v.Add("request", ValidationCodes.Required, "Data permohonan kredit wajib diisi.");
            return null;
        }

        string? schemeCode = v.Text(form.Scheme, "request.scheme", 50, required: true, label: "Skema")?.ToUpperInvariant();
        SchemeVersion? scheme = null;
        if (schemeCode is not null)
        {
            scheme = schemes.Find(schemeCode, v.Today);
            if (scheme is null)
            {
                v.Add("request.scheme", ValidationCodes.SchemeUnknown, "Skema tidak dikenal. Pilihan: " + string.Join(", ", schemes.Codes.Order(StringComparer.Ordinal)) + ".");
                schemeCode = null;
            }
        }

        long? amount = v.Range(form.Amount, "request.amount", 1, Terbilang.MaxValue, "Plafon kredit");
        if (amount is long a && scheme is not null)
        {
            if (a < scheme.MinAmount)
            {
                v.Add("request.amount", ValidationCodes.AmountBelowTier, $"Plafon untuk {scheme.Name} minimal {Rupiah.Format(scheme.MinAmount)}.");
                amount = null;
            }
            else if (a > scheme.MaxAmount)
            {
                v.Add("request.amount", ValidationCodes.AmountAboveTier, $"Plafon untuk {scheme.Name} maksimal {Rupiah.Format(scheme.MaxAmount)}.");
                amount = null;
            }
        }

        string? purpose = v.Text(form.Purpose, "request.purpose", 20, required: true, label: "Tujuan penggunaan")?.ToLowerInvariant();
        if (purpose is not null && !Purposes.IsKnown(purpose))
        {
            v.Add("request.purpose", ValidationCodes.PurposeUnknown, "Tujuan penggunaan harus modal-kerja atau investasi.");
            purpose = null;
        }

        int? tenor = v.Range(form.TenorMonths, "request.tenorMonths", 1, 360, "Jangka waktu");
        if (scheme is not null && purpose is not null)
        {
            int? maxTenor = scheme.MaxTenorMonthsFor(purpose);
            if (maxTenor is null)
            {
                v.Add("request.purpose", ValidationCodes.PurposeNotAllowed, $"{scheme.Name} tidak membiayai {Purposes.Label(purpose)}.");
                purpose = null;
            }
            else if (tenor > maxTenor)
            {
                v.Add("request.tenorMonths", ValidationCodes.TenorAboveLimit, string.Create(CultureInfo.InvariantCulture, $"Jangka waktu {Purposes.Label(purpose)} maksimal {maxTenor} bulan."));
                tenor = null;
            }
        }

        string? description = v.Text(form.Description, "request.description", MaxDescriptionLength, required: true, label: "Uraian penggunaan", multiLine: true);
        int? prior = form.PriorKurCount is null ? 0 : v.Range(form.PriorKurCount, "request.priorKurCount", 0, 99, "Jumlah KUR sebelumnya");
        string? collateral = v.Text(form.Collateral, "request.collateral", MaxAddressLength, required: false, label: "Agunan", multiLine: true);

        return schemeCode is not null && amount is not null && tenor is not null && purpose is not null
               && description is not null && prior is not null && collateral is not null
            ? new CreditRequest(schemeCode, amount.Value, tenor.Value, purpose, description, prior.Value, collateral.Length > 0 ? collateral : null)
            : null;
    }

    private static string? NormalizeEmail(string email)
    {
        int at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at > 64 || at == email.Length - 1)
        {
            return null;
        }

        string local = email[..at];
        string domain = email[(at + 1)..].ToLowerInvariant();
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || local.Any(c => c > 127 || char.IsWhiteSpace(c) || c is '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or ']' or '\\'))
        {
            return null;
        }

        string[] labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-')
                || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) || labels[^1].All(char.IsAsciiDigit))
        {
            return null;
        }

        return local + "@" + domain;
    }

    private sealed class Collector(DateOnly today)
    {
        public DateOnly Today { get; } = today;

        public List<ValidationError> Errors { get; } = [];

        public void Add(string path, string code, string message) => Errors.Add(new ValidationError(path, code, message));

        // Returns the cleaned text, "" for an absent optional value, or null after recording an error.
        public string? Text(string? value, string path, int maxLength, bool required, string label, bool multiLine = false)
        {
            if (!TextHygiene.TryClean(value, maxLength, multiLine, out string cleaned, out string? error))
            {
                Add(path, error!, error == ValidationCodes.TooLong
                    ? string.Create(CultureInfo.InvariantCulture, $"{label} terlalu panjang (maksimal {maxLength} karakter).")
                    : $"{label} mengandung karakter yang tidak diizinkan.");
                return null;
            }

            if (required && cleaned.Length == 0)
            {
                Add(path, ValidationCodes.Required, $"{label} wajib diisi.");
                return null;
            }

            return cleaned;
        }

        /// <summary>A required name that holds at least one letter (so never only spaces, digits or invisible characters).</summary>
        public string? Name(string? value, string path, int maxLength, string label)
        {
            string? text = Text(value, path, maxLength, required: true, label: label);
            if (text is not null && !text.Any(char.IsLetter))
            {
                Add(path, ValidationCodes.NameLetters, $"{label} harus memuat huruf.");
                return null;
            }

            return text;
        }

        public DateOnly? PastDate(string? value, string path, string label)
        {
            string? text = Text(value, path, 10, required: true, label: label);
            if (text is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                Add(path, ValidationCodes.DateFormat, $"{label} harus berformat yyyy-MM-dd.");
                return null;
            }

            if (date > Today)
            {
                Add(path, ValidationCodes.DateFuture, $"{label} tidak boleh di masa depan.");
                return null;
            }

            if (date.Year < 1900)
            {
                Add(path, ValidationCodes.DateTooOld, $"{label} tidak masuk akal.");
                return null;
            }

            return date;
        }

        public int? Range(int? value, string path, int min, int max, string label) =>
            (int?)Range((long?)value, path, min, (long)max, label);

        public long? Range(long? value, string path, long min, long max, string label)
        {
            if (value is null)
            {
                Add(path, ValidationCodes.Required, $"{label} wajib diisi.");
                return null;
            }

            if (value < min || value > max)
            {
                Add(path, ValidationCodes.Range, string.Create(CultureInfo.InvariantCulture, $"{label} harus antara {min:N0} dan {max:N0}.").Replace(',', '.'));
                return null;
            }

            return value;
        }
    }
}
