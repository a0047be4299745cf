namespace UmkmCredit.Domain.Applications;

/// <summary>One validation failure.</summary>
/// <param name="Path">JSON path of the field, e.g. <c>applicant.nik</c>.</param>
/// <param name="Code">Stable machine code, e.g. <c>nik.format</c> (see <see cref="ValidationCodes"/>).</param>
/// <param name="Message">Message for people, in Indonesian.</param>
public sealed record ValidationError(string Path, string Code, string Message);

/// <summary>The result of <see cref="ApplicationValidator.Validate(ApplicationForm?, DateOnly, Schemes.SchemeCatalog)"/>.</summary>
/// <param name="Application">The normalised application when valid, else null.</param>
/// <param name="Errors">Every failure found (empty when valid).</param>
public sealed record ValidationOutcome(CreditApplication? Application, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when there are no errors and an application was produced.</summary>
    public bool IsValid => Application is not null && Errors.Count == 0;

    /// <summary>Errors grouped by path, messages only (the RFC 9457 <c>errors</c> member).</summary>
    public IReadOnlyDictionary<string, string[]> MessagesByPath() =>
        Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>Errors grouped by path, codes only (the <c>errorCodes</c> member).</summary>
    public IReadOnlyDictionary<string, string[]> CodesByPath() =>
        Errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray(), StringComparer.Ordinal);
}
