using System.Globalization;
using System.Text;

namespace UmkmCredit.Documents.Layout;

/// <summary>
/// Makes untrusted text safe to lay out: control and format characters (bidi overrides, zero-width
/// joiners, soft hyphens, variation selectors) are dropped, line and tab characters become spaces,
/// lone surrogates become U+FFFD. Everything else is kept literally; glyph substitution happens later.
/// </summary>
public static class TextSanitizer
{
    /// <summary>Returns <paramref name="text"/> with only characters that can be laid out.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsPlain(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = Math.Max(consumed, 1);
            }

            i += consumed;
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                    if (rune.Value is '\t' or '\n' or '\r')
                    {
                        builder.Append(' ');
                    }

                    break;
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                    break;
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.SpaceSeparator when rune.Value != 0xA0:
                    builder.Append(' ');
                    break;
                case UnicodeCategory.NonSpacingMark when IsVariationSelector(rune.Value):
                case UnicodeCategory.ModifierSymbol when rune.Value is >= 0x1F3FB and <= 0x1F3FF:
                    break;
                default:
                    builder.Append(rune.ToString());
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsVariationSelector(int cp) => cp is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    private static bool IsPlain(string text)
    {
        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
