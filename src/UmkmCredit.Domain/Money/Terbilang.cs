using System.Text;

namespace UmkmCredit.Domain.Money;

/// <summary>
/// Indonesian numbers in words (<i>terbilang</i>) for 0 … 999.999.999.999.999. The <c>se-</c> form is used
/// only for sepuluh, sebelas, seratus and seribu: agreements write "satu juta", never "sejuta".
/// </summary>
public static class Terbilang
{
    /// <summary>The largest number supported: 999.999.999.999.999.</summary>
    public const long MaxValue = 999_999_999_999_999;

    private static readonly string[] Digits = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

    private static readonly (long Scale, string Word)[] Scales =
    [
        (1_000_000_000_000, "triliun"),
        (1_000_000_000, "miliar"),
        (1_000_000, "juta"),
        (1_000, "ribu"),
    ];

    /// <summary>The number in lower-case words, e.g. 1.250.500 → "satu juta dua ratus lima puluh ribu lima ratus".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 … 999.999.999.999.999.</exception>
    public static string ToWords(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxValue);
        if (n == 0)
        {
            return Digits[0];
        }

        var words = new StringBuilder();
        long rest = n;
        foreach ((long scale, string word) in Scales)
        {
            int group = (int)(rest / scale);
            rest %= scale;
            if (group == 0)
            {
                continue;
            }

            if (group == 1 && scale == 1_000)
            {
                Append(words, "seribu");
            }
            else
            {
                AppendHundreds(words, group);
                Append(words, word);
            }
        }

        AppendHundreds(words, (int)rest);
        return words.ToString();
    }

    /// <summary>The amount in words followed by "rupiah", e.g. "lima puluh juta rupiah".</summary>
    public static string Rupiah(long n) => ToWords(n) + " rupiah";

    /// <summary>
    /// Parses words produced by <see cref="ToWords"/> (an optional trailing "rupiah" is allowed) back into a number.
    /// Strict: rejects "sejuta", "satu ribu", "satu ratus", misplaced scales and unknown words, so that it can serve
    /// as an independent check of <see cref="ToWords"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is not well-formed Indonesian number words.</exception>
    public static long Parse(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        string[] tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int count = tokens.Length;
        if (count > 0 && tokens[^1] == "rupiah")
        {
            count--;
        }

        if (count == 0)
        {
            throw new FormatException("No number words.");
        }

        if (count == 1 && tokens[0] == "nol")
        {
            return 0;
        }

        var parser = new WordParser(tokens, count);
        return parser.ParseNumber();
    }

    private static void AppendHundreds(StringBuilder words, int value)
    {
        int hundreds = value / 100;
        int tens = value % 100 / 10;
        int units = value % 10;
        if (hundreds == 1)
        {
            Append(words, "seratus");
        }
        else if (hundreds > 1)
        {
            Append(words, Digits[hundreds]);
            Append(words, "ratus");
        }

        if (tens == 1)
        {
            if (units == 0)
            {
                Append(words, "sepuluh");
            }
            else if (units == 1)
            {
                Append(words, "sebelas");
            }
            else
            {
                Append(words, Digits[units]);
                Append(words, "belas");
            }

            return;
        }

        if (tens > 1)
        {
            Append(words, Digits[tens]);
            Append(words, "puluh");
        }

        if (units > 0)
        {
            Append(words, Digits[units]);
        }
    }

    private static void Append(StringBuilder words, string word)
    {
        if (words.Length > 0)
        {
            words.Append(' ');
        }

        words.Append(word);
    }

    // A small recursive-descent grammar, written independently of ToWords:
    //   number   := (group scale)* [group]            scales strictly descending
    //   group    := [hundreds] [tens] | ...           value 1..999
    //   hundreds := "seratus" | d2-9 "ratus"
    //   tens     := "sepuluh" | "sebelas" | d2-9 "belas" | d2-9 "puluh" [d1-9] | d1-9
    private sealed class WordParser(string[] tokens, int count)
    {
        private int _position;

        public long ParseNumber()
        {
            long total = 0;
            long lastScale = long.MaxValue;
            while (_position < count)
            {
                long group;
                long scale;
                if (Peek() == "seribu")
                {
                    _position++;
                    group = 1;
                    scale = 1_000;
                }
                else
                {
                    group = ParseGroup();
                    scale = Peek() switch
                    {
                        "triliun" => 1_000_000_000_000,
                        "miliar" => 1_000_000_000,
                        "juta" => 1_000_000,
                        "ribu" => 1_000,
                        null => 1,
                        string other => throw new FormatException($"Unexpected word '{other}'."),
                    };
                    if (scale > 1)
                    {
                        _position++;
                    }

                    if (scale == 1_000 && group == 1)
                    {
                        throw new FormatException("1000 is written 'seribu', not 'satu ribu'.");
                    }
                }

                if (scale >= lastScale)
                {
                    throw new FormatException("Scale words must be strictly descending.");
                }

                lastScale = scale;
                total += group * scale;
            }

            return total;
        }

        private long ParseGroup()
        {
            long value = 0;
            bool any = false;
            if (Peek() == "seratus")
            {
                _position++;
                value = 100;
                any = true;
            }
            else if (DigitAt(_position) is >= 2 and int h && At(_position + 1) == "ratus")
            {
                _position += 2;
                value = h * 100;
                any = true;
            }

            string? next = Peek();
            if (next == "sepuluh")
            {
                _position++;
                return value + 10;
            }

            if (next == "sebelas")
            {
                _position++;
                return value + 11;
            }

            if (DigitAt(_position) is int d and > 0)
            {
                string? after = At(_position + 1);
                if (after == "belas")
                {
                    if (d < 2)
                    {
                        throw new FormatException("11 is written 'sebelas'.");
                    }

                    _position += 2;
                    return value + 10 + d;
                }

                if (after == "puluh")
                {
                    if (d < 2)
                    {
                        throw new FormatException("10 is written 'sepuluh'.");
                    }

                    _position += 2;
                    value += d * 10;
                    if (DigitAt(_position) is int u and > 0)
                    {
                        _position++;
                        value += u;
                    }

                    return value;
                }

                if (after == "ratus")
                {
                    throw new FormatException("100 is written 'seratus'.");
                }

                _position++;
                return value + d;
            }

            if (!any)
            {
                throw new FormatException($"Expected a number word at '{next ?? "(end)"}'.");
            }

            return value;
        }

        private string? Peek() => At(_position);

        private string? At(int index) => index < count ? tokens[index] : null;

        private int? DigitAt(int index)
        {
            string? word = At(index);
            int digit = word is null ? -1 : Array.IndexOf(Digits, word);
            return digit >= 1 ? digit : null;
        }
    }
}
