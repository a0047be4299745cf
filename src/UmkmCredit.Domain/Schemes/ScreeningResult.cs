using System.Text.Json.Serialization;

namespace UmkmCredit.Domain.Schemes;

/// <summary>The outcome of screening.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScreeningOutcome>))]
public enum ScreeningOutcome
{
    /// <summary>Every rule is met and every required document is present.</summary>
    Eligible,

    /// <summary>At least one rule is not met (this wins over missing documents).</summary>
    Ineligible,

    /// <summary>The rules are met but required documents are missing.</summary>
    MissingDocuments,
}

/// <summary>Why screening decided as it did.</summary>
/// <param name="Code">Stable machine code, e.g. <c>business.tooYoung</c>.</param>
/// <param name="Message">Explanation in Indonesian.</param>
public sealed record ScreeningReason(string Code, string Message);

/// <summary>The result of <see cref="Screening.Screen"/>.</summary>
/// <param name="Outcome">Eligible, ineligible or missing documents.</param>
/// <param name="Reasons">Every reason (empty when eligible).</param>
/// <param name="RequiredDocuments">Document kinds required for this application.</param>
/// <param name="MissingDocuments">Required kinds not yet present.</param>
/// <param name="RuleVersion">The scheme version used, e.g. <c>KUR_MIKRO@2024-01-01</c> (empty when the scheme is unknown).</param>
/// <param name="AnnualRatePercent">The rate (or margin equivalent) that applies.</param>
/// <param name="IsSharia">True for a sharia scheme (margin, not interest).</param>
public sealed record ScreeningResult(
    ScreeningOutcome Outcome,
    IReadOnlyList<ScreeningReason> Reasons,
    IReadOnlyList<string> RequiredDocuments,
    IReadOnlyList<string> MissingDocuments,
    string RuleVersion,
    decimal AnnualRatePercent,
    bool IsSharia)
{
    /// <summary>True when eligible.</summary>
    public bool IsEligible => Outcome == ScreeningOutcome.Eligible;

    /// <inheritdoc />
    public bool Equals(ScreeningResult? other) =>
        other is not null
        && Outcome == other.Outcome
        && RuleVersion == other.RuleVersion
        && AnnualRatePercent == other.AnnualRatePercent
        && IsSharia == other.IsSharia
        && Reasons.SequenceEqual(other.Reasons)
        && RequiredDocuments.SequenceEqual(other.RequiredDocuments)
        && MissingDocuments.SequenceEqual(other.MissingDocuments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Outcome, RuleVersion, AnnualRatePercent, IsSharia, Reasons.Count);
}

/// <summary>The stable codes of <see cref="ScreeningReason.Code"/>.</summary>
public static class ScreeningCodes
{
    /// <summary>The scheme is unknown or not in force.</summary>
    public const string SchemeUnknown = "scheme.unknown";

    /// <summary>Amount below the scheme's tier.</summary>
    public const string AmountBelowTier = "amount.belowTier";

    /// <summary>Amount above the scheme's tier.</summary>
    public const string AmountAboveTier = "amount.aboveTier";

    /// <summary>The scheme does not finance the purpose.</summary>
    public const string PurposeNotAllowed = "purpose.notAllowed";

    /// <summary>Tenor above the limit for the purpose.</summary>
    public const string TenorAboveLimit = "tenor.aboveLimit";

    /// <summary>The business is younger than the minimum age.</summary>
    public const string BusinessTooYoung = "business.tooYoung";

    /// <summary>Additional collateral offered where the scheme forbids requiring it.</summary>
    public const string CollateralNotAllowed = "collateral.notAllowed";

    /// <summary>Required documents are missing.</summary>
    public const string DocumentsMissing = "documents.missing";
}
