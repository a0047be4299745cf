using System.Globalization;
using System.Text;

namespace UmkmCredit.Domain.Money;

/// <summary>Percentages as written in agreements: <c>6% (enam persen)</c>, <c>10,5% (sepuluh koma lima persen)</c>.</summary>
public static class Percent
{
    /// <summary><c>6%</c>, <c>10,5%</c>, <c>2,25%</c> (no trailing zeros, decimal comma).</summary>
    public static string Format(decimal percent) =>
        percent.ToString("0.############", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    /// <summary>
    /// <c>sepuluh koma lima persen</c>; the digits after "koma" are read one by one (2,25 → "dua koma dua lima persen").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or the integer part is beyond <see cref="Terbilang.MaxValue"/>.</exception>
    public static string InWords(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, Terbilang.MaxValue);
        string text = percent.ToString("0.############", CultureInfo.InvariantCulture);
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        long whole = long.Parse(dot < 0 ? text : text[..dot], CultureInfo.InvariantCulture);
        var words = new StringBuilder(Terbilang.ToWords(whole));
        if (dot >= 0)
        {
            words.Append(" koma");
            foreach (char digit in text.AsSpan(dot + 1))
            {
                words.Append(' ').Append(Terbilang.ToWords(digit - '0'));
            }
        }

        return words.Append(" persen").ToString();
    }

    /// <summary><c>6% (enam persen)</c>.</summary>
    public static string FormatWithWords(decimal percent) => $"{Format(percent)} ({InWords(percent)})";
}
