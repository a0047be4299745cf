using System.Globalization;
using System.Text;

namespace UmkmCredit.Documents.Signatures;

/// <summary>
/// Just enough PDF syntax (ISO 32000-1 §7.2–7.3) to walk the objects of a file written with classic
/// cross-reference tables: skip a value, list the top-level entries of a dictionary, read references,
/// and write text strings. Works on the Latin-1 view of the bytes, so offsets in the text are byte offsets.
/// </summary>
internal static class PdfSyntax
{
    /// <summary>The Latin-1 view of PDF bytes: one char per byte.</summary>
    public static string View(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Whitespace and comments are skipped; returns the index of the next token.</summary>
    public static int SkipWhitespace(string s, int i)
    {
        while (i < s.Length)
        {
            char c = s[i];
            if (c is ' ' or '\r' or '\n' or '\t' or '\f' or '\0')
            {
                i++;
            }
            else if (c == '%')
            {
                while (i < s.Length && s[i] is not ('\r' or '\n'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Skips one value (a reference <c>n g R</c> counts as one) starting at or after <paramref name="i"/>; returns the index after it.</summary>
    public static int SkipValue(string s, int i)
    {
        i = SkipWhitespace(s, i);
        if (i >= s.Length)
        {
            throw new FormatException("Unexpected end of PDF data.");
        }

        char c = s[i];
        if (c == '<' && i + 1 < s.Length && s[i + 1] == '<')
        {
            int j = i + 2;
            while (true)
            {
                j = SkipWhitespace(s, j);
                if (j + 1 >= s.Length)
                {
                    throw new FormatException("Unterminated dictionary.");
                }

                if (s[j] == '>' && s[j + 1] == '>')
                {
                    return j + 2;
                }

                j = SkipValue(s, j); // key
                j = SkipValue(s, j); // value
            }
        }

        switch (c)
        {
            case '<':
                int close = s.IndexOf('>', i + 1);
                return close < 0 ? throw new FormatException("Unterminated hex string.") : close + 1;
            case '[':
                int k = i + 1;
                while (true)
                {
                    k = SkipWhitespace(s, k);
                    if (k >= s.Length)
                    {
                        throw new FormatException("Unterminated array.");
                    }

                    if (s[k] == ']')
                    {
                        return k + 1;
                    }

                    k = SkipValue(s, k);
                }

            case '(':
                return SkipLiteral(s, i);
            case '/':
                return SkipRegular(s, i + 1);
            case '>' or ']' or ')' or '{' or '}':
                throw new FormatException($"Unexpected '{c}' at {i}.");
        }

        int end = SkipRegular(s, i);
        if (IsInteger(s, i, end))
        {
            // "n g R" is a reference.
            int g = SkipWhitespace(s, end);
            int gEnd = SkipRegular(s, g);
            if (gEnd > g && IsInteger(s, g, gEnd))
            {
                int r = SkipWhitespace(s, gEnd);
                if (r < s.Length && s[r] == 'R' && (r + 1 == s.Length || IsDelimiterOrSpace(s[r + 1])))
                {
                    return r + 1;
                }
            }
        }

        return end > i ? end : throw new FormatException($"Unexpected '{c}' at {i}.");
    }

    /// <summary>The top-level entries of the dictionary starting at <paramref name="start"/> (which must be <c>&lt;&lt;</c>).</summary>
    public static List<DictEntry> Entries(string s, int start, out int end)
    {
        start = SkipWhitespace(s, start);
        if (start + 1 >= s.Length || s[start] != '<' || s[start + 1] != '<')
        {
            throw new FormatException($"No dictionary at {start}.");
        }

        var entries = new List<DictEntry>();
        int j = start + 2;
        while (true)
        {
            j = SkipWhitespace(s, j);
            if (j + 1 >= s.Length)
            {
                throw new FormatException("Unterminated dictionary.");
            }

            if (s[j] == '>' && s[j + 1] == '>')
            {
                end = j + 2;
                return entries;
            }

            if (s[j] != '/')
            {
                throw new FormatException($"Dictionary key expected at {j}.");
            }

            int keyEnd = SkipRegular(s, j + 1);
            int valueStart = SkipWhitespace(s, keyEnd);
            int valueEnd = SkipValue(s, valueStart);
            entries.Add(new DictEntry(s[(j + 1)..keyEnd], valueStart, valueEnd));
            j = valueEnd;
        }
    }

    /// <summary>The value text of a key in a dictionary text, or null.</summary>
    public static string? Get(string dict, string key)
    {
        foreach (DictEntry e in Entries(dict, 0, out _))
        {
            if (e.Key == key)
            {
                return dict[e.ValueStart..e.ValueEnd];
            }
        }

        return null;
    }

    /// <summary>The object number of a reference value (<c>12 0 R</c>), or null.</summary>
    public static int? Reference(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string[] parts = value.Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 && parts[2] == "R" && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
    }

    /// <summary>The object numbers of every reference in an array value.</summary>
    public static List<int> References(string arrayValue)
    {
        var refs = new List<int>();
        int i = SkipWhitespace(arrayValue, 0);
        if (i >= arrayValue.Length || arrayValue[i] != '[')
        {
            return refs;
        }

        i++;
        while (true)
        {
            i = SkipWhitespace(arrayValue, i);
            if (i >= arrayValue.Length || arrayValue[i] == ']')
            {
                return refs;
            }

            int end = SkipValue(arrayValue, i);
            if (Reference(arrayValue[i..end]) is { } n)
            {
                refs.Add(n);
            }

            i = end;
        }
    }

    /// <summary>A text string as UTF-16BE hex with a byte-order mark: safe for any input, no escaping.</summary>
    public static string TextString(string text)
    {
        var sb = new StringBuilder("<FEFF", 6 + (text.Length * 4));
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                sb.Append("0020");
                continue;
            }

            sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return sb.Append('>').ToString();
    }

    /// <summary>Decodes a string value: a literal <c>(…)</c> or hex <c>&lt;…&gt;</c>, UTF-16BE when it has a byte-order mark.</summary>
    public static string? DecodeString(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        byte[] bytes;
        if (value[0] == '<')
        {
            string hex = new([.. value[1..^1].Where(Uri.IsHexDigit)]);
            if (hex.Length % 2 == 1)
            {
                hex += "0";
            }

            bytes = Convert.FromHexString(hex);
        }
        else if (value[0] == '(')
        {
            bytes = Encoding.Latin1.GetBytes(Unescape(value[1..^1]));
        }
        else
        {
            return null;
        }

        return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
            ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
            : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>A PDF date, <c>D:YYYYMMDDHHmmSS+00'00'</c>, in UTC.</summary>
    public static string Date(DateTime utc) =>
        "(D:" + utc.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00')";

    /// <summary>Parses a PDF date string value (<c>(D:…)</c>); null when it is not one.</summary>
    public static DateTime? ParseDate(string? value)
    {
        string? text = DecodeString(value);
        if (text is null || !text.StartsWith("D:", StringComparison.Ordinal) || text.Length < 16)
        {
            return null;
        }

        if (!DateTime.TryParseExact(text[2..16], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (text.Length >= 22 && text[16] is '+' or '-'
            && int.TryParse(text.AsSpan(17, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hh)
            && int.TryParse(text.AsSpan(20, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int mm))
        {
            offset = new TimeSpan(hh, mm, 0) * (text[16] == '-' ? -1 : 1);
        }

        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                continue;
            }

            char n = s[++i];
            switch (n)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case '\r' or '\n': break;
                case >= '0' and <= '7':
                    int value = 0, digits = 0;
                    while (digits < 3 && i < s.Length && s[i] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (s[i] - '0');
                        i++;
                        digits++;
                    }

                    i--;
                    sb.Append((char)(value & 0xFF));
                    break;
                default: sb.Append(n); break;
            }
        }

        return sb.ToString();
    }

    private static int SkipLiteral(string s, int i)
    {
        int depth = 0;
        for (int j = i; j < s.Length; j++)
        {
            char c = s[j];
            if (c == '\\')
            {
                j++;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return j + 1;
            }
        }

        throw new FormatException("Unterminated string.");
    }

    private static int SkipRegular(string s, int i)
    {
        while (i < s.Length && !IsDelimiterOrSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDelimiterOrSpace(char c) =>
        c is ' ' or '\r' or '\n' or '\t' or '\f' or '\0' or '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    private static bool IsInteger(string s, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        for (int i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A top-level dictionary entry: the key (without slash) and the span of its value.</summary>
internal readonly record struct DictEntry(string Key, int ValueStart, int ValueEnd);
