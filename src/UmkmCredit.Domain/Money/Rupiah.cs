using System.Globalization;

namespace UmkmCredit.Domain.Money;

/// <summary>Rupiah amounts as written in Indonesian documents: <c>Rp50.000.000,00</c>.</summary>
public static class Rupiah
{
    private static readonly NumberFormatInfo Indonesian = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary><c>Rp50.000.000,00</c>; negative amounts as <c>-Rp1.000,00</c>.</summary>
    public static string Format(long amount)
    {
        string digits = Math.Abs((decimal)amount).ToString("#,0.00", Indonesian);
        return amount < 0 ? "-Rp" + digits : "Rp" + digits;
    }

    /// <summary><c>Rp50.000.000,00 (lima puluh juta rupiah)</c>.</summary>
    public static string FormatWithWords(long amount) => $"{Format(amount)} ({Terbilang.Rupiah(amount)})";
}
