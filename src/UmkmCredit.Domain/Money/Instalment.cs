namespace UmkmCredit.Domain.Money;

/// <summary>One row of an instalment table (whole rupiah).</summary>
/// <param name="Number">1-based instalment number.</param>
/// <param name="DueDate">The due date.</param>
/// <param name="Principal">Principal (pokok) repaid in this instalment; for murabahah the cost part.</param>
/// <param name="InterestOrMargin">Interest (bunga), or margin (marjin) for a sharia schedule.</param>
/// <param name="Payment">Principal + interest/margin.</param>
/// <param name="RemainingPrincipal">Outstanding principal (or cost) after this instalment.</param>
public sealed record Instalment(int Number, DateOnly DueDate, long Principal, long InterestOrMargin, long Payment, long RemainingPrincipal);

/// <summary>An instalment schedule; principal sums exactly to <see cref="Principal"/>.</summary>
/// <param name="Method">One of <see cref="InstalmentMethods"/>.</param>
/// <param name="Principal">The financed amount (murabahah: the cost price).</param>
/// <param name="AnnualRatePercent">Interest rate (or margin equivalent) per year, in percent.</param>
/// <param name="TenorMonths">Number of monthly instalments.</param>
/// <param name="Instalments">The rows, in order.</param>
public sealed record InstalmentSchedule(
    string Method,
    long Principal,
    decimal AnnualRatePercent,
    int TenorMonths,
    IReadOnlyList<Instalment> Instalments)
{
    /// <summary>Sum of principal parts.</summary>
    public long TotalPrincipal => Instalments.Sum(i => i.Principal);

    /// <summary>Sum of interest or margin parts.</summary>
    public long TotalInterestOrMargin => Instalments.Sum(i => i.InterestOrMargin);

    /// <summary>Sum of payments.</summary>
    public long TotalPayment => Instalments.Sum(i => i.Payment);

    /// <summary>True for a sharia (murabahah) schedule, whose documents say "marjin", never "bunga".</summary>
    public bool IsSharia => Method == InstalmentMethods.Murabahah;

    /// <inheritdoc />
    public bool Equals(InstalmentSchedule? other) =>
        other is not null
        && Method == other.Method
        && Principal == other.Principal
        && AnnualRatePercent == other.AnnualRatePercent
        && TenorMonths == other.TenorMonths
        && Instalments.SequenceEqual(other.Instalments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Method, Principal, AnnualRatePercent, TenorMonths, Instalments.Count);
}

/// <summary>Names of the schedule methods.</summary>
public static class InstalmentMethods
{
    /// <summary>Equal payments, interest on the declining balance at the effective rate (the default).</summary>
    public const string Annuity = "anuitas";

    /// <summary>Equal principal and interest on the original principal.</summary>
    public const string Flat = "flat";

    /// <summary>Sharia sale: cost plus a fixed margin, paid in equal instalments.</summary>
    public const string Murabahah = "murabahah";
}
