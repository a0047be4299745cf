using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Tests.Applications;

/// <summary>Builds the API.md example application; each test changes only what it is about.</summary>
internal static class Forms
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    public const string ExampleJson = """
        {
          "applicant": { "nik": "6571015508900003", "fullName": "Siti Aminah", "birthDate": "1990-08-15",
                         "gender": "P", "phone": "+6281234567890", "email": "siti@example.id",
                         "address": "Jl. Yos Sudarso No. 10, Tarakan" },
          "business":  { "name": "Amplang Bu Siti", "nib": "9120301234567", "sector": "kuliner",
                         "regency": "6571", "address": "Jl. Mulawarman No. 5, Tarakan",
                         "startedOn": "2019-05-01", "employees": 3, "monthlyRevenue": 15000000,
                         "halalCertified": true },
          "request":   { "scheme": "KUR_MIKRO", "amount": 50000000, "tenorMonths": 24,
                         "purpose": "modal-kerja", "description": "Pembelian bahan baku dan kemasan" },
          "consent":   { "dataProcessing": true }
        }
        """;

    public static ApplicationForm Valid() => new()
    {
        Applicant = new ApplicantForm
        {
            Nik = "6571015508900003",
            FullName = "Siti Aminah",
            BirthDate = "1990-08-15",
            Gender = "P",
            Phone = "+6281234567890",
            Email = "siti@example.id",
            Address = "Jl. Yos Sudarso No. 10, Tarakan",
        },
        Business = new BusinessForm
        {
            Name = "Amplang Bu Siti",
            Nib = "9120301234567",
            Sector = "kuliner",
            Regency = "6571",
            Address = "Jl. Mulawarman No. 5, Tarakan",
            StartedOn = "2019-05-01",
            Employees = 3,
            MonthlyRevenue = 15_000_000,
            HalalCertified = true,
        },
        Request = new RequestForm
        {
            Scheme = "KUR_MIKRO",
            Amount = 50_000_000,
            TenorMonths = 24,
            Purpose = "modal-kerja",
            Description = "Pembelian bahan baku dan kemasan",
        },
        Consent = new ConsentForm { DataProcessing = true },
    };

    public static ApplicationForm With(Action<ApplicationForm> change)
    {
        ApplicationForm form = Valid();
        change(form);
        return form;
    }
}
