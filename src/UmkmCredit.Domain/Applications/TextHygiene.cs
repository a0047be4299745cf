using System.Globalization;
using System.Text;

namespace UmkmCredit.Domain.Applications;

/// <summary>
/// Free-text hygiene: trims, normalises to NFC and rejects control characters (including null bytes), unpaired
/// surrogates, bidi overrides/isolates (U+202A–U+202E, U+2066–U+2069) and directional marks. Emoji and other
/// printable Unicode are kept; HTML is kept literally (it is encoded at output, never here).
/// </summary>
public static class TextHygiene
{
    /// <summary>Cleans <paramref name="input"/>.</summary>
    /// <param name="input">The raw text (null allowed).</param>
    /// <param name="maxLength">Maximum length in UTF-16 code units after cleaning.</param>
    /// <param name="multiLine">Allow line breaks and tabs (addresses, descriptions); CRLF becomes LF.</param>
    /// <param name="cleaned">The cleaned text; empty when the input was null or blank.</param>
    /// <param name="errorCode"><c>text.invalidCharacters</c> or <c>text.tooLong</c> on failure.</param>
    public static bool TryClean(string? input, int maxLength, bool multiLine, out string cleaned, out string? errorCode)
    {
        cleaned = string.Empty;
        errorCode = null;
        if (input is null)
        {
            return true;
        }

        string trimmed = input.Trim();
        if (!HasOnlyAllowedCharacters(trimmed, multiLine))
        {
            errorCode = ValidationCodes.InvalidCharacters;
            return false;
        }

        // Check the length before normalising so a huge input costs no more work than a scan.
        if (trimmed.Length > maxLength * 2)
        {
            errorCode = ValidationCodes.TooLong;
            return false;
        }

        string text = trimmed.Normalize(NormalizationForm.FormC);
        text = multiLine ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : CollapseSpaces(text);
        if (text.Length > maxLength)
        {
            errorCode = ValidationCodes.TooLong;
            return false;
        }

        cleaned = text;
        return true;
    }

    /// <summary>True when every character is allowed (see the class remarks).</summary>
    public static bool HasOnlyAllowedCharacters(string text, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return false;
            }

            if (c is '\n' or '\r' or '\t')
            {
                if (!multiLine)
                {
                    return false;
                }

                continue;
            }

            if (char.IsControl(c) || IsBidiControl(c) || c is '\uFFFE' or '\uFFFF' or '\uFEFF')
            {
                return false;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool lastWasSpace = false;
        foreach (char c in text)
        {
            bool isSpace = char.IsWhiteSpace(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }
}
