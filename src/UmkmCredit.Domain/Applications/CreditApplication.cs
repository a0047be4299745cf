namespace UmkmCredit.Domain.Applications;

/// <summary>A validated, normalised application. Created by <see cref="ApplicationValidator"/>.</summary>
/// <param name="Applicant">The applicant.</param>
/// <param name="Business">The business.</param>
/// <param name="Request">The credit requested.</param>
/// <param name="ConsentedAtUtc">When consent to data processing was given (set by the intake, UTC).</param>
/// <param name="WhatsAppConsent">The applicant opted in to status messages by WhatsApp (<c>consent.whatsapp</c>); given at <paramref name="ConsentedAtUtc"/>.</param>
public sealed record CreditApplication(Applicant Applicant, Business Business, CreditRequest Request, DateTime? ConsentedAtUtc, bool WhatsAppConsent = false);

/// <summary>The applicant, normalised.</summary>
/// <param name="Nik">16 digits. Personal data: mask with <see cref="Identity.Nik.Mask"/> outside the record.</param>
/// <param name="FullName">Trimmed name, internal whitespace collapsed.</param>
/// <param name="BirthDate">Birth date (matches the NIK).</param>
/// <param name="Gender"><c>L</c> or <c>P</c> (matches the NIK).</param>
/// <param name="Phone">E.164, e.g. <c>+6281234567890</c>.</param>
/// <param name="Email">E-mail address, domain in lower case.</param>
/// <param name="Address">Home address.</param>
public sealed record Applicant(string Nik, string FullName, DateOnly BirthDate, string Gender, string Phone, string Email, string Address);

/// <summary>The business, normalised.</summary>
/// <param name="Name">Business name.</param>
/// <param name="Nib">13-digit NIB, if any.</param>
/// <param name="Sku">SKU number, if any.</param>
/// <param name="Npwp">NPWP digits (15 or 16), if any.</param>
/// <param name="Sector">Sector slug.</param>
/// <param name="RegencyCode">Kaltara regency code.</param>
/// <param name="Address">Business address.</param>
/// <param name="StartedOn">Date the business started.</param>
/// <param name="Employees">Number of workers.</param>
/// <param name="MonthlyRevenue">Average monthly revenue, rupiah.</param>
/// <param name="HalalCertified">Halal certification (false when not stated).</param>
public sealed record Business(
    string Name,
    string? Nib,
    string? Sku,
    string? Npwp,
    string Sector,
    string RegencyCode,
    string Address,
    DateOnly StartedOn,
    int Employees,
    long MonthlyRevenue,
    bool HalalCertified);

/// <summary>The credit requested, normalised.</summary>
/// <param name="SchemeCode">Scheme code, upper case.</param>
/// <param name="Amount">Amount, whole rupiah.</param>
/// <param name="TenorMonths">Tenor in months.</param>
/// <param name="Purpose"><c>modal-kerja</c> or <c>investasi</c>.</param>
/// <param name="Description">What the money is for.</param>
/// <param name="PriorKurCount">Number of earlier KUR facilities (0 = first use).</param>
/// <param name="Collateral">Additional collateral offered, if any.</param>
public sealed record CreditRequest(
    string SchemeCode,
    long Amount,
    int TenorMonths,
    string Purpose,
    string Description,
    int PriorKurCount,
    string? Collateral);
