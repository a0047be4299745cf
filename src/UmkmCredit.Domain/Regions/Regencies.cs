using System.Diagnostics.CodeAnalysis;

namespace UmkmCredit.Domain.Regions;

/// <summary>The five kabupaten/kota of Kalimantan Utara (province code 65) that the programme serves.</summary>
public static class Regencies
{
    /// <summary>The province code of Kalimantan Utara.</summary>
    public const string ProvinceCode = "65";

    /// <summary>All regencies, in Kemendagri code order.</summary>
    public static IReadOnlyList<Regency> All { get; } =
    [
        new("6501", "Kabupaten Malinau", "MLN"),
        new("6502", "Kabupaten Bulungan", "BLG"),
        new("6503", "Kabupaten Tana Tidung", "TTG"),
        new("6504", "Kabupaten Nunukan", "NNK"),
        new("6571", "Kota Tarakan", "TRK"),
    ];

    private static readonly Dictionary<string, Regency> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);
    private static readonly Dictionary<string, Regency> ByAbbreviation = All.ToDictionary(r => r.Abbreviation, StringComparer.Ordinal);

    /// <summary>Looks a regency up by its four-digit code (surrounding whitespace ignored).</summary>
    public static bool TryGet(string? code, [MaybeNullWhen(false)] out Regency regency)
    {
        regency = null;
        return code is not null && ByCode.TryGetValue(code.Trim(), out regency);
    }

    /// <summary>Returns the regency with the given code.</summary>
    /// <exception cref="ArgumentException">The code is not a Kaltara regency.</exception>
    public static Regency Get(string code) =>
        TryGet(code, out Regency? regency)
            ? regency
            : throw new ArgumentException($"'{code}' is not a Kalimantan Utara regency code.", nameof(code));

    /// <summary>Looks a regency up by its agreement-number abbreviation (e.g. <c>TRK</c>).</summary>
    public static bool TryGetByAbbreviation(string? abbreviation, [MaybeNullWhen(false)] out Regency regency)
    {
        regency = null;
        return abbreviation is not null && ByAbbreviation.TryGetValue(abbreviation, out regency);
    }
}
