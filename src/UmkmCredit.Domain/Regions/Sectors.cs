namespace UmkmCredit.Domain.Regions;

/// <summary>Business sectors accepted in <c>business.sector</c> (lower-case slugs).</summary>
public static class Sectors
{
    /// <summary>All known sector slugs.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "kuliner",
        "kerajinan",
        "fesyen",
        "wastra",
        "pertanian",
        "perkebunan",
        "peternakan",
        "perikanan",
        "perdagangan",
        "jasa",
        "industri-pengolahan",
        "pariwisata",
        "ekonomi-kreatif",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>True when <paramref name="sector"/> is a known slug (exact, lower case).</summary>
    public static bool IsKnown(string? sector) => sector is not null && Known.Contains(sector);
}
