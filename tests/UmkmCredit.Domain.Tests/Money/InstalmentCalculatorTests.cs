using System.Text.Json;
using UmkmCredit.Domain.Money;

namespace UmkmCredit.Domain.Tests.Money;

public sealed class InstalmentCalculatorTests
{
    private static readonly DateOnly First = new(2027, 1, 31);

    public static TheoryData<long, decimal, int> Cases => new()
    {
        { 50_000_000, 6m, 24 },
        { 10_000_000, 3m, 12 },
        { 10_000_001, 6m, 36 },
        { 100_000_000, 9m, 60 },
        { 500_000_000, 6m, 60 },
        { 1_000_003, 7m, 7 },
        { 1, 6m, 1 },
        { 999, 6m, 12 },
        { 12_345_678, 0m, 11 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Annuity_PrincipalSumsExactly_PaymentsEqualExceptLast(long principal, decimal rate, int months)
    {
        InstalmentSchedule s = InstalmentCalculator.Annuity(principal, rate, months, First);

        AssertConsistent(s, principal, months);
        Assert.Equal(InstalmentMethods.Annuity, s.Method);
        if (months > 2)
        {
            Assert.Single(s.Instalments.SkipLast(1).Select(i => i.Payment).Distinct());
            Assert.InRange(Math.Abs(s.Instalments[^1].Payment - s.Instalments[0].Payment), 0, months);
        }

        // Interest declines with the balance.
        for (int i = 1; i < s.Instalments.Count; i++)
        {
            Assert.True(s.Instalments[i].InterestOrMargin <= s.Instalments[i - 1].InterestOrMargin);
        }
    }

    [Fact]
    public void Annuity_KnownValue_50Juta6Percent24Months()
    {
        // P·r/(1−(1+r)^−n) with r = 0,5% and n = 24: 2.216.030,54… → 2.216.031.
        InstalmentSchedule s = InstalmentCalculator.Annuity(50_000_000, 6m, 24, First);

        Assert.Equal(2_216_031, s.Instalments[0].Payment);
        Assert.Equal(250_000, s.Instalments[0].InterestOrMargin);
        Assert.Equal(1_966_031, s.Instalments[0].Principal);
        Assert.Equal(50_000_000, s.TotalPrincipal);
        Assert.InRange(s.TotalInterestOrMargin, 3_184_700, 3_184_760);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flat_InterestOnOriginalPrincipal(long principal, decimal rate, int months)
    {
        InstalmentSchedule s = InstalmentCalculator.Flat(principal, rate, months, First);

        AssertConsistent(s, principal, months);
        long expectedInterest = (long)Math.Round(principal * rate / 100m * months / 12m, MidpointRounding.AwayFromZero);
        Assert.Equal(expectedInterest, s.TotalInterestOrMargin);
    }

    [Fact]
    public void Flat_KnownValue()
    {
        InstalmentSchedule s = InstalmentCalculator.Flat(12_000_000, 6m, 12, First);

        Assert.All(s.Instalments, i => Assert.Equal(1_000_000, i.Principal));
        Assert.All(s.Instalments, i => Assert.Equal(60_000, i.InterestOrMargin));
        Assert.Equal(12_720_000, s.TotalPayment);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Murabahah_CostPlusFixedMargin_InEqualInstalments(long cost, decimal margin, int months)
    {
        InstalmentSchedule s = InstalmentCalculator.Murabahah(cost, margin, months, First);

        AssertConsistent(s, cost, months);
        Assert.True(s.IsSharia);
        long expectedMargin = (long)Math.Round(cost * margin / 100m * months / 12m, MidpointRounding.AwayFromZero);
        Assert.Equal(expectedMargin, s.TotalInterestOrMargin);
        Assert.Equal(cost + expectedMargin, s.TotalPayment);
        if (months > 2 && cost >= months * 100)
        {
            Assert.Single(s.Instalments.SkipLast(1).Select(i => i.Payment).Distinct());
            Assert.InRange(s.Instalments[^1].Payment - s.Instalments[0].Payment, 0, months);
        }
    }

    [Fact]
    public void Murabahah_KnownValue_100Juta6Percent36Months()
    {
        InstalmentSchedule s = InstalmentCalculator.Murabahah(100_000_000, 6m, 36, First);

        Assert.Equal(18_000_000, s.TotalInterestOrMargin);
        Assert.Equal(118_000_000, s.TotalPayment);
        Assert.Equal(3_277_777, s.Instalments[0].Payment);
        Assert.Equal(3_277_805, s.Instalments[^1].Payment);
    }

    [Fact]
    public void DueDates_AreMonthly_ClampedToMonthEnd()
    {
        InstalmentSchedule s = InstalmentCalculator.Annuity(10_000_000, 6m, 5, new DateOnly(2027, 10, 31));

        Assert.Equal(
            [new DateOnly(2027, 10, 31), new DateOnly(2027, 11, 30), new DateOnly(2027, 12, 31), new DateOnly(2028, 1, 31), new DateOnly(2028, 2, 29)],
            s.Instalments.Select(i => i.DueDate));
    }

    [Theory]
    [InlineData(0L, 6, 12)]
    [InlineData(-5L, 6, 12)]
    [InlineData(1_000L, 6, 0)]
    [InlineData(1_000L, -1, 12)]
    public void InvalidArguments_Throw(long principal, int rate, int months)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InstalmentCalculator.Annuity(principal, rate, months, First));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstalmentCalculator.Flat(principal, rate, months, First));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstalmentCalculator.Murabahah(principal, rate, months, First));
    }

    [Fact]
    public void Schedule_RoundTripsThroughJson()
    {
        InstalmentSchedule s = InstalmentCalculator.Annuity(25_000_000, 7m, 18, First);

        var back = JsonSerializer.Deserialize<InstalmentSchedule>(JsonSerializer.Serialize(s));

        Assert.Equal(s, back);
    }

    private static void AssertConsistent(InstalmentSchedule s, long principal, int months)
    {
        Assert.Equal(months, s.Instalments.Count);
        Assert.Equal(principal, s.TotalPrincipal);
        Assert.Equal(s.TotalPrincipal + s.TotalInterestOrMargin, s.TotalPayment);
        long remaining = principal;
        for (int i = 0; i < s.Instalments.Count; i++)
        {
            Instalment row = s.Instalments[i];
            Assert.Equal(i + 1, row.Number);
            Assert.Equal(First.AddMonths(i), row.DueDate);
            Assert.Equal(row.Principal + row.InterestOrMargin, row.Payment);
            Assert.True(row.Principal >= 0);
            Assert.True(row.InterestOrMargin >= 0);
            remaining -= row.Principal;
            Assert.Equal(remaining, row.RemainingPrincipal);
        }

        Assert.Equal(0, s.Instalments[^1].RemainingPrincipal);
    }
}
