namespace UmkmCredit.Domain.Identity;

/// <summary>
/// Recipient numbers of the WhatsApp Business Cloud API: E.164 without the plus (<c>6281234567890</c>).
/// Only Indonesian mobile numbers are accepted (the same rule as <see cref="Phone"/>).
/// </summary>
public static class WhatsAppNumber
{
    /// <summary>
    /// Normalises <c>08…</c>, <c>+628…</c> or <c>628…</c> (spaces, dashes, dots and brackets ignored) to E.164 digits
    /// (<c>628…</c>). Anything else (another country, a landline, letters, too short or long) is refused.
    /// </summary>
    public static bool TryNormalize(string? input, out string digits)
    {
        digits = string.Empty;
        if (!Phone.TryNormalize(input, out string e164))
        {
            return false;
        }

        digits = e164[1..];
        return true;
    }

    /// <summary>A number for logs and the audit: country code and operator prefix, the last four digits, the rest as <c>*</c> (<c>62812*****7890</c>).</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return string.Empty;
        }

        var plain = number.TrimStart('+');
        if (plain.Length <= 8)
        {
            return new string('*', plain.Length);
        }

        return string.Concat(plain.AsSpan(0, 5), new string('*', plain.Length - 9), plain.AsSpan(plain.Length - 4));
    }
}
