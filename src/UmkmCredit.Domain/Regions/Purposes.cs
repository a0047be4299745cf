namespace UmkmCredit.Domain.Regions;

/// <summary>Credit purposes: working capital (KMK) or investment (KI).</summary>
public static class Purposes
{
    /// <summary>Kredit modal kerja (KMK).</summary>
    public const string WorkingCapital = "modal-kerja";

    /// <summary>Kredit investasi (KI).</summary>
    public const string Investment = "investasi";

    /// <summary>All purposes.</summary>
    public static IReadOnlyList<string> All { get; } = [WorkingCapital, Investment];

    /// <summary>True when <paramref name="purpose"/> is a known purpose (exact, lower case).</summary>
    public static bool IsKnown(string? purpose) => purpose is WorkingCapital or Investment;

    /// <summary>The Indonesian label of a purpose, e.g. <c>modal kerja</c>.</summary>
    public static string Label(string purpose) => purpose switch
    {
        WorkingCapital => "modal kerja",
        Investment => "investasi",
        _ => purpose,
    };
}
