using System.Text.Json.Serialization;

namespace UmkmCredit.Domain.Schemes;

/// <summary>Whether a lender may ask for collateral beyond the financed business itself.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CollateralRule>))]
public enum CollateralRule
{
    /// <summary>Additional collateral may not be required (KUR super mikro, KUR mikro ≤ Rp100 juta).</summary>
    NotAllowed,

    /// <summary>Additional collateral is at the lender's discretion (KUR kecil).</summary>
    PerBank,
}

/// <summary>
/// One required-document rule: the applicant must provide one of <see cref="AnyOf"/>, when the amount is above
/// <see cref="WhenAmountAbove"/> (if set).
/// </summary>
/// <param name="AnyOf">Acceptable document kinds, in order of preference (e.g. <c>nib</c>, <c>sku</c>).</param>
/// <param name="WhenAmountAbove">Applies only when the amount is strictly greater than this.</param>
public sealed record DocumentRequirement(IReadOnlyList<string> AnyOf, long? WhenAmountAbove)
{
    /// <summary>True when the rule applies to <paramref name="amount"/>.</summary>
    public bool AppliesTo(long amount) => WhenAmountAbove is not long threshold || amount > threshold;

    /// <inheritdoc />
    public bool Equals(DocumentRequirement? other) =>
        other is not null && WhenAmountAbove == other.WhenAmountAbove && AnyOf.SequenceEqual(other.AnyOf);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(WhenAmountAbove, AnyOf.Count > 0 ? AnyOf[0] : null);
}

/// <summary>
/// A credit scheme as in force from <see cref="EffectiveFrom"/> (data from <c>Schemes/*.json</c>). An application keeps
/// the <see cref="Version"/> it was screened under.
/// </summary>
public sealed record SchemeVersion
{
    /// <summary>Scheme code, e.g. <c>KUR_MIKRO</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Version id <c>CODE@yyyy-MM-dd</c>, e.g. <c>KUR_MIKRO@2024-01-01</c>.</summary>
    public string Version => $"{Code}@{EffectiveFrom:yyyy-MM-dd}";

    /// <summary>Name for people, e.g. "KUR Mikro".</summary>
    public required string Name { get; init; }

    /// <summary>The first day this version applies.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Legal basis, for the agreement's recitals.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>Smallest amount, inclusive.</summary>
    public required long MinAmount { get; init; }

    /// <summary>Largest amount, inclusive.</summary>
    public required long MaxAmount { get; init; }

    /// <summary>Effective annual rate (or margin equivalent) in percent by prior use: index 0 = first use; the last applies to all later uses.</summary>
    public required IReadOnlyList<decimal> AnnualRatePercentByUse { get; init; }

    /// <summary>Maximum tenor in months per purpose (<c>modal-kerja</c>, <c>investasi</c>).</summary>
    public required IReadOnlyDictionary<string, int> MaxTenorMonthsByPurpose { get; init; }

    /// <summary>Minimum business age in months (6).</summary>
    public required int MinBusinessAgeMonths { get; init; }

    /// <summary>The additional-collateral rule.</summary>
    public required CollateralRule Collateral { get; init; }

    /// <summary>True for a sharia scheme: margin (marjin), never interest (bunga).</summary>
    public required bool IsSharia { get; init; }

    /// <summary>The sharia contract (akad), e.g. <c>murabahah</c>; null for conventional schemes.</summary>
    public string? Akad { get; init; }

    /// <summary>Required-document rules.</summary>
    public required IReadOnlyList<DocumentRequirement> Documents { get; init; }

    /// <summary>The annual rate for an applicant with <paramref name="priorKurCount"/> earlier facilities.</summary>
    public decimal AnnualRatePercentFor(int priorKurCount) =>
        AnnualRatePercentByUse[Math.Clamp(priorKurCount, 0, AnnualRatePercentByUse.Count - 1)];

    /// <summary>The maximum tenor for a purpose, or null when the scheme does not finance it.</summary>
    public int? MaxTenorMonthsFor(string purpose) =>
        MaxTenorMonthsByPurpose.TryGetValue(purpose, out int months) ? months : null;

    /// <summary>The document rules that apply to <paramref name="amount"/>.</summary>
    public IReadOnlyList<DocumentRequirement> DocumentsFor(long amount) => Documents.Where(d => d.AppliesTo(amount)).ToArray();

    /// <inheritdoc />
    public bool Equals(SchemeVersion? other) => other is not null && Version == other.Version;

    /// <inheritdoc />
    public override int GetHashCode() => Version.GetHashCode(StringComparison.Ordinal);
}
