using System.Globalization;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Regions;

namespace UmkmCredit.Domain.Schemes;

/// <summary>
/// Eligibility screening of a validated application against the scheme version in force: amount tier, tenor per
/// purpose, business age, collateral rule and required documents. Reports every reason; ineligibility wins over
/// missing documents.
/// </summary>
public static class Screening
{
    /// <summary>Screens <paramref name="application"/> on <paramref name="today"/> (WITA date).</summary>
    /// <param name="application">A validated application.</param>
    /// <param name="presentDocumentKinds">Kinds of documents uploaded so far.</param>
    /// <param name="today">The screening date; selects the scheme version and measures business age.</param>
    /// <param name="catalog">The scheme catalogue.</param>
    public static ScreeningResult Screen(
        CreditApplication application,
        IReadOnlyCollection<string> presentDocumentKinds,
        DateOnly today,
        SchemeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(presentDocumentKinds);
        ArgumentNullException.ThrowIfNull(catalog);

        CreditRequest request = application.Request;
        SchemeVersion? scheme = catalog.Find(request.SchemeCode, today);
        if (scheme is null)
        {
            return new ScreeningResult(
                ScreeningOutcome.Ineligible,
                [new ScreeningReason(ScreeningCodes.SchemeUnknown, $"Skema {request.SchemeCode} tidak dikenal atau belum berlaku pada tanggal {IndonesianDates.FormatLong(today)}.")],
                [],
                [],
                string.Empty,
                0m,
                false);
        }

        var reasons = new List<ScreeningReason>();
        if (request.Amount < scheme.MinAmount)
        {
            reasons.Add(new ScreeningReason(
                ScreeningCodes.AmountBelowTier,
                $"Plafon {Rupiah.Format(request.Amount)} di bawah batas minimal {scheme.Name} ({Rupiah.Format(scheme.MinAmount)})."));
        }
        else if (request.Amount > scheme.MaxAmount)
        {
            reasons.Add(new ScreeningReason(
                ScreeningCodes.AmountAboveTier,
                $"Plafon {Rupiah.Format(request.Amount)} melebihi batas maksimal {scheme.Name} ({Rupiah.Format(scheme.MaxAmount)})."));
        }

        int? maxTenor = scheme.MaxTenorMonthsFor(request.Purpose);
        if (maxTenor is null)
        {
            reasons.Add(new ScreeningReason(
                ScreeningCodes.PurposeNotAllowed,
                $"{scheme.Name} tidak membiayai tujuan {Purposes.Label(request.Purpose)}."));
        }
        else if (request.TenorMonths > maxTenor)
        {
            reasons.Add(new ScreeningReason(
                ScreeningCodes.TenorAboveLimit,
                string.Create(CultureInfo.InvariantCulture, $"Jangka waktu {request.TenorMonths} bulan melebihi batas {maxTenor} bulan untuk {Purposes.Label(request.Purpose)}.")));
        }

        // Exactly N months old is enough: started 1 June, N = 6 → eligible from 1 December.
        if (application.Business.StartedOn.AddMonths(scheme.MinBusinessAgeMonths) > today)
        {
            reasons.Add(new ScreeningReason(
                ScreeningCodes.BusinessTooYoung,
                string.Create(CultureInfo.InvariantCulture, $"Usaha harus sudah berjalan minimal {scheme.MinBusinessAgeMonths} bulan (mulai {IndonesianDates.FormatLong(application.Business.StartedOn)}).")));
        }

        if (scheme.Collateral == CollateralRule.NotAllowed && !string.IsNullOrWhiteSpace(request.Collateral))
        {
            reasons.Add(new ScreeningReason(
                ScreeningCodes.CollateralNotAllowed,
                $"{scheme.Name} tidak boleh mensyaratkan agunan tambahan; kosongkan isian agunan."));
        }

        var present = new HashSet<string>(presentDocumentKinds, StringComparer.Ordinal);
        var required = new List<string>();
        var missing = new List<string>();
        foreach (DocumentRequirement rule in scheme.DocumentsFor(request.Amount))
        {
            string? satisfied = rule.AnyOf.FirstOrDefault(present.Contains);
            if (satisfied is not null)
            {
                required.Add(satisfied);
                continue;
            }

            string preferred = PreferredKind(rule, application.Business);
            required.Add(preferred);
            missing.Add(preferred);
        }

        ScreeningOutcome outcome;
        if (reasons.Count > 0)
        {
            outcome = ScreeningOutcome.Ineligible;
        }
        else if (missing.Count > 0)
        {
            outcome = ScreeningOutcome.MissingDocuments;
            reasons.Add(new ScreeningReason(
                ScreeningCodes.DocumentsMissing,
                "Dokumen yang belum diunggah: " + string.Join(", ", missing.Select(k => DescribeMissing(k, scheme))) + "."));
        }
        else
        {
            outcome = ScreeningOutcome.Eligible;
        }

        return new ScreeningResult(
            outcome,
            reasons,
            required,
            missing,
            scheme.Version,
            scheme.AnnualRatePercentFor(request.PriorKurCount),
            scheme.IsSharia);
    }

    // For "NIB or SKU" ask for the one the applicant said they have.
    private static string PreferredKind(DocumentRequirement rule, Business business)
    {
        if (business.Nib is null && business.Sku is not null && rule.AnyOf.Contains(DocumentKinds.Sku))
        {
            return DocumentKinds.Sku;
        }

        return rule.AnyOf[0];
    }

    private static string DescribeMissing(string kind, SchemeVersion scheme)
    {
        DocumentRequirement? rule = scheme.Documents.FirstOrDefault(r => r.AnyOf.Contains(kind));
        return rule is { AnyOf.Count: > 1 }
            ? string.Join(" atau ", rule.AnyOf.Select(DocumentKinds.Label))
            : DocumentKinds.Label(kind);
    }
}
