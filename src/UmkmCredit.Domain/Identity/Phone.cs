namespace UmkmCredit.Domain.Identity;

/// <summary>Indonesian mobile numbers: <c>08…</c>, <c>+628…</c> or <c>628…</c>, 10–13 digits after the leading 0.</summary>
public static class Phone
{
    /// <summary>Normalises a mobile number to E.164 (<c>+628…</c>). Spaces, dashes, dots and brackets are ignored.</summary>
    public static bool TryNormalize(string? input, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[32];
        int length = 0;
        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];
            if (c is ' ' or '-' or '.' or '(' or ')')
            {
                continue;
            }

            if (c == '+' && length == 0)
            {
                buffer[length++] = c;
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            buffer[length++] = c;
        }

        ReadOnlySpan<char> digits = buffer[..length];
        int start;
        if (digits.StartsWith("+62"))
        {
            start = 3;
        }
        else if (digits.StartsWith("62"))
        {
            start = 2;
        }
        else if (digits.StartsWith("0"))
        {
            start = 1;
        }
        else
        {
            return false;
        }

        ReadOnlySpan<char> national = digits[start..];
        if (national.Length is < 10 or > 13 || national[0] != '8' || !Nik.IsDigits(national))
        {
            return false;
        }

        e164 = string.Concat("+62", national);
        return true;
    }
}
