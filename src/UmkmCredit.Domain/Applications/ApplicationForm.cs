namespace UmkmCredit.Domain.Applications;

/// <summary>
/// The application exactly as submitted (the API body, camelCase JSON). Everything is optional here so that
/// <see cref="ApplicationValidator"/> can report every problem at once instead of the deserialiser failing on the first.
/// </summary>
public sealed class ApplicationForm
{
    /// <summary>The applicant (the business owner).</summary>
    public ApplicantForm? Applicant { get; set; }

    /// <summary>The business.</summary>
    public BusinessForm? Business { get; set; }

    /// <summary>The credit requested.</summary>
    public RequestForm? Request { get; set; }

    /// <summary>Consent to process personal data (UU 27/2022).</summary>
    public ConsentForm? Consent { get; set; }
}

/// <summary>Applicant part of <see cref="ApplicationForm"/>.</summary>
public sealed class ApplicantForm
{
    /// <summary>16-digit NIK.</summary>
    public string? Nik { get; set; }

    /// <summary>Full name as on the KTP.</summary>
    public string? FullName { get; set; }

    /// <summary>Birth date, <c>yyyy-MM-dd</c>.</summary>
    public string? BirthDate { get; set; }

    /// <summary><c>L</c> or <c>P</c>.</summary>
    public string? Gender { get; set; }

    /// <summary>Indonesian mobile number (08…, +628…).</summary>
    public string? Phone { get; set; }

    /// <summary>E-mail address for notifications and signing OTPs.</summary>
    public string? Email { get; set; }

    /// <summary>Home address.</summary>
    public string? Address { get; set; }
}

/// <summary>Business part of <see cref="ApplicationForm"/>.</summary>
public sealed class BusinessForm
{
    /// <summary>Business name.</summary>
    public string? Name { get; set; }

    /// <summary>NIB, 13 digits (optional when an SKU is given).</summary>
    public string? Nib { get; set; }

    /// <summary>Optional Surat Keterangan Usaha number from the kelurahan/desa.</summary>
    public string? Sku { get; set; }

    /// <summary>Optional NPWP, 15 or 16 digits (dots and dashes allowed).</summary>
    public string? Npwp { get; set; }

    /// <summary>Sector slug, see <see cref="Regions.Sectors"/>.</summary>
    public string? Sector { get; set; }

    /// <summary>Kaltara regency code, see <see cref="Regions.Regencies"/>.</summary>
    public string? Regency { get; set; }

    /// <summary>Business address.</summary>
    public string? Address { get; set; }

    /// <summary>Date the business started, <c>yyyy-MM-dd</c>.</summary>
    public string? StartedOn { get; set; }

    /// <summary>Number of workers.</summary>
    public int? Employees { get; set; }

    /// <summary>Average monthly revenue in rupiah.</summary>
    public long? MonthlyRevenue { get; set; }

    /// <summary>Whether the products are halal-certified.</summary>
    public bool? HalalCertified { get; set; }
}

/// <summary>Request part of <see cref="ApplicationForm"/>.</summary>
public sealed class RequestForm
{
    /// <summary>Scheme code, e.g. <c>KUR_MIKRO</c>.</summary>
    public string? Scheme { get; set; }

    /// <summary>Amount in whole rupiah.</summary>
    public long? Amount { get; set; }

    /// <summary>Tenor in months.</summary>
    public int? TenorMonths { get; set; }

    /// <summary><c>modal-kerja</c> or <c>investasi</c>.</summary>
    public string? Purpose { get; set; }

    /// <summary>What the money is for.</summary>
    public string? Description { get; set; }

    /// <summary>How many KUR facilities the applicant had before; 0 (or absent) = first use.</summary>
    public int? PriorKurCount { get; set; }

    /// <summary>Optional description of additional collateral offered.</summary>
    public string? Collateral { get; set; }
}

/// <summary>Consent part of <see cref="ApplicationForm"/>.</summary>
public sealed class ConsentForm
{
    /// <summary>Must be <c>true</c>.</summary>
    public bool? DataProcessing { get; set; }

    /// <summary>Optional opt-in to status messages by WhatsApp to <see cref="ApplicantForm.Phone"/>; absent = <c>false</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("whatsapp")]
    public bool? WhatsApp { get; set; }
}
