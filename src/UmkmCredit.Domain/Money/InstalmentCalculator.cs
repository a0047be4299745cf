namespace UmkmCredit.Domain.Money;

/// <summary>
/// Monthly instalment schedules in whole rupiah. Each instalment is rounded; the rounding is settled in the
/// last instalment so that the principal parts sum exactly. Due dates are monthly from the first due date,
/// with the day clamped to the month's end (31 January → 28/29 February → 31 March).
/// </summary>
public static class InstalmentCalculator
{
    /// <summary>Annuity on the effective annual rate (monthly rate = annual / 12): equal payments, declining interest.</summary>
    public static InstalmentSchedule Annuity(long principal, decimal annualRatePercent, int months, DateOnly firstDueDate)
    {
        Check(principal, annualRatePercent, months);
        decimal monthlyRate = annualRatePercent / 100m / 12m;
        long payment;
        if (monthlyRate == 0)
        {
            payment = RoundRupiah((decimal)principal / months);
        }
        else
        {
            decimal growth = 1m;
            for (int i = 0; i < months; i++)
            {
                growth *= 1m + monthlyRate;
            }

            payment = RoundRupiah(principal * monthlyRate * growth / (growth - 1m));
        }

        var rows = new List<Instalment>(months);
        long remaining = principal;
        for (int number = 1; number <= months; number++)
        {
            long interest = RoundRupiah(remaining * monthlyRate);
            long principalPart = number == months ? remaining : Math.Clamp(payment - interest, 0, remaining);
            remaining -= principalPart;
            rows.Add(new Instalment(number, DueDate(firstDueDate, number), principalPart, interest, principalPart + interest, remaining));
        }

        return new InstalmentSchedule(InstalmentMethods.Annuity, principal, annualRatePercent, months, rows);
    }

    /// <summary>Flat: equal principal parts and interest on the original principal (annual rate × months / 12).</summary>
    public static InstalmentSchedule Flat(long principal, decimal annualRatePercent, int months, DateOnly firstDueDate)
    {
        Check(principal, annualRatePercent, months);
        long totalInterest = RoundRupiah(principal * annualRatePercent / 100m * months / 12m);
        return EqualParts(InstalmentMethods.Flat, principal, totalInterest, annualRatePercent, months, firstDueDate);
    }

    /// <summary>
    /// Murabahah: the selling price is the cost plus a fixed margin (annual margin × months / 12 of the cost),
    /// paid in equal instalments; the margin is fixed at the akad and never changes.
    /// </summary>
    public static InstalmentSchedule Murabahah(long cost, decimal annualMarginPercent, int months, DateOnly firstDueDate)
    {
        Check(cost, annualMarginPercent, months);
        long totalMargin = RoundRupiah(cost * annualMarginPercent / 100m * months / 12m);
        return EqualParts(InstalmentMethods.Murabahah, cost, totalMargin, annualMarginPercent, months, firstDueDate);
    }

    /// <summary>The due date of instalment <paramref name="number"/> (1-based).</summary>
    public static DateOnly DueDate(DateOnly firstDueDate, int number) => firstDueDate.AddMonths(number - 1);

    private static InstalmentSchedule EqualParts(string method, long principal, long totalCharge, decimal rate, int months, DateOnly firstDueDate)
    {
        // Equal payments of (principal + charge) / n; the principal part is principal / n; the last row takes the remainders.
        long total = principal + totalCharge;
        long payment = total / months;
        long principalPart = principal / months;
        var rows = new List<Instalment>(months);
        long remaining = principal;
        long chargeLeft = totalCharge;
        for (int number = 1; number <= months; number++)
        {
            long p = number == months ? remaining : principalPart;
            long charge = number == months ? chargeLeft : Math.Min(payment - principalPart, chargeLeft);
            remaining -= p;
            chargeLeft -= charge;
            rows.Add(new Instalment(number, DueDate(firstDueDate, number), p, charge, p + charge, remaining));
        }

        return new InstalmentSchedule(method, principal, rate, months, rows);
    }

    private static void Check(long principal, decimal rate, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(principal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, 600);
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 100m);
    }

    private static long RoundRupiah(decimal value) => (long)Math.Round(value, 0, MidpointRounding.AwayFromZero);
}
