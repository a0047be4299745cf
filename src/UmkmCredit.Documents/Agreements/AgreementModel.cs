using UmkmCredit.Domain.Money;

namespace UmkmCredit.Documents.Agreements;

/// <summary>The debtor (PIHAK KEDUA): a person running a micro or small business.</summary>
/// <param name="Name">Full name as on the KTP.</param>
/// <param name="Nik">The 16-digit NIK; printed masked.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Address">Home address.</param>
/// <param name="Phone">Phone number as it should be printed.</param>
/// <param name="BusinessName">Name of the business.</param>
/// <param name="BusinessAddress">Address of the business.</param>
/// <param name="Nib">NIB, or null when the business has an SKU instead.</param>
public sealed record DebtorParty(
    string Name,
    string Nik,
    DateOnly BirthDate,
    string Address,
    string Phone,
    string BusinessName,
    string BusinessAddress,
    string? Nib);

/// <summary>The lender (PIHAK PERTAMA), represented by an officer of the branch.</summary>
/// <param name="Name">Name of the bank.</param>
/// <param name="BranchAddress">Address of the branch.</param>
/// <param name="OfficerName">Officer who signs for the bank.</param>
/// <param name="OfficerTitle">The officer's position.</param>
public sealed record BankParty(string Name, string BranchAddress, string OfficerName, string OfficerTitle);

/// <summary>The regional agency (PIHAK KETIGA) that reviewed the application and mentors the debtor.</summary>
/// <param name="AgencyName">E.g. "Dinas Koperasi dan UKM Kota Tarakan".</param>
/// <param name="OfficialName">Official who signs for the agency.</param>
/// <param name="OfficialTitle">The official's position.</param>
public sealed record OpdParty(string AgencyName, string OfficialName, string OfficialTitle);

/// <summary>
/// Everything the agreement text needs, as plain data. The same model always yields the same text and the
/// same <see cref="AgreementRenderer.ContentHash"/>.
/// </summary>
/// <param name="Number">Agreement number, e.g. <c>001/PKS-UMKM/TRK/XII/2026</c>.</param>
/// <param name="Date">Date of the agreement (WITA).</param>
/// <param name="PlaceName">Where it is made, e.g. "Tarakan"; also names the court of the domicile clause.</param>
/// <param name="Debtor">The debtor.</param>
/// <param name="Bank">The bank.</param>
/// <param name="Opd">The agency.</param>
/// <param name="SchemeCode">Scheme code, e.g. <c>KUR_MIKRO</c>.</param>
/// <param name="SchemeName">Scheme name as printed.</param>
/// <param name="IsSharia">A murabahah akad (margin, no interest) instead of a credit agreement.</param>
/// <param name="Amount">Credit amount, or the cost price of a murabahah, in rupiah.</param>
/// <param name="AnnualRatePercent">Interest rate, or margin, per year.</param>
/// <param name="TenorMonths">Tenor in months.</param>
/// <param name="Purpose"><c>modal-kerja</c> or <c>investasi</c>.</param>
/// <param name="PurposeDescription">What the money is for, in the applicant's words.</param>
/// <param name="Schedule">The instalment schedule.</param>
/// <param name="Recommendations">The agency's mentoring and training commitments from the review.</param>
/// <param name="VerifyUrl">Absolute verification URL encoded in the QR code.</param>
/// <param name="ApplicationId">The application id.</param>
/// <param name="CourtName">Court of the domicile clause; by default "Pengadilan Negeri {PlaceName}" (Pengadilan Agama for an akad).</param>
public sealed record AgreementModel(
    string Number,
    DateOnly Date,
    string PlaceName,
    DebtorParty Debtor,
    BankParty Bank,
    OpdParty Opd,
    string SchemeCode,
    string SchemeName,
    bool IsSharia,
    long Amount,
    decimal AnnualRatePercent,
    int TenorMonths,
    string Purpose,
    string PurposeDescription,
    InstalmentSchedule Schedule,
    IReadOnlyList<string> Recommendations,
    string VerifyUrl,
    string ApplicationId,
    string? CourtName = null);

/// <summary>One party's electronic signature, as recorded by the signing ceremony.</summary>
/// <param name="Role"><c>applicant</c>, <c>bank</c> or <c>opd</c>.</param>
/// <param name="RoleLabel">The role as printed, e.g. "PIHAK KEDUA (DEBITUR)".</param>
/// <param name="Name">The signer's full name.</param>
/// <param name="SignedAtUtc">When the signer signed (UTC; printed in WITA).</param>
/// <param name="EvidenceId">Id of the evidence record (OTP verification, consent, IP, user agent).</param>
/// <param name="DocumentSha256">SHA-256 of the exact document the signer saw.</param>
public sealed record SignatureRecord(string Role, string RoleLabel, string Name, DateTime SignedAtUtc, string EvidenceId, string DocumentSha256);

/// <summary>One event of the certificate of completion (from the audit trail).</summary>
/// <param name="AtUtc">When (UTC; printed in WITA).</param>
/// <param name="Event">What happened.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Ip">Client IP, when known.</param>
/// <param name="UserAgent">Client user agent, when known.</param>
/// <param name="DocumentSha256">Hash of the document involved, when any.</param>
public sealed record CertificateEntry(DateTime AtUtc, string Event, string Actor, string? Ip, string? UserAgent, string? DocumentSha256);

/// <summary>What the stamp-duty (e-Meterai) provider says about the box on the debtor's signature space.</summary>
/// <param name="Serial">The e-Meterai serial number (a placeholder on development documents).</param>
/// <param name="Note">Printed in the box, e.g. "e-Meterai belum dibubuhkan"; null when the stamp itself is affixed there.</param>
public sealed record StampDutyMark(string Serial, string? Note);

/// <summary>A box on a page in PDF user space (points, origin bottom-left).</summary>
/// <param name="PageIndex">Zero-based page.</param>
/// <param name="X">Left.</param>
/// <param name="Y">Bottom.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record PageBox(int PageIndex, double X, double Y, double Width, double Height);

/// <summary>A rendered signed agreement and where its signature and stamp-duty boxes are.</summary>
/// <param name="Pdf">The PDF.</param>
/// <param name="SignaturePageIndex">Zero-based index of the signature page ("LEMBAR TANDA TANGAN ELEKTRONIK").</param>
/// <param name="SignatureBoxes">Free boxes on the signature page for visible signatures, one per signer in order.</param>
/// <param name="StampDutyBox">The meterai box on the debtor's signature space.</param>
public sealed record RenderedAgreement(byte[] Pdf, int SignaturePageIndex, IReadOnlyList<PageBox> SignatureBoxes, PageBox? StampDutyBox);
