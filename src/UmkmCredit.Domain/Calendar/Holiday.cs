namespace UmkmCredit.Domain.Calendar;

/// <summary>A non-working day other than a weekend.</summary>
/// <param name="Date">The date.</param>
/// <param name="Name">The Indonesian name, e.g. <c>Hari Raya Idul Fitri 1447 Hijriah</c>.</param>
/// <param name="Kind"><c>libur-nasional</c> or <c>cuti-bersama</c>.</param>
public sealed record Holiday(DateOnly Date, string Name, string Kind)
{
    /// <summary>A national public holiday.</summary>
    public const string National = "libur-nasional";

    /// <summary>A collective leave day (cuti bersama) set by the SKB.</summary>
    public const string CollectiveLeave = "cuti-bersama";
}
