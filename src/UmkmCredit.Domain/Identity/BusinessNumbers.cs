namespace UmkmCredit.Domain.Identity;

/// <summary>NIB (Nomor Induk Berusaha from OSS): 13 digits.</summary>
public static class Nib
{
    /// <summary>Accepts 13 digits, ignoring spaces, dots and dashes; returns the digits only.</summary>
    public static bool TryNormalize(string? input, out string digits) =>
        DigitNumber.TryNormalize(input, out digits) && digits.Length == 13;
}

/// <summary>NPWP: 15 digits (old format) or 16 digits (new format; for individuals equal to the NIK).</summary>
public static class Npwp
{
    /// <summary>Accepts 15 or 16 digits, ignoring spaces, dots and dashes; returns the digits only.</summary>
    public static bool TryNormalize(string? input, out string digits) =>
        DigitNumber.TryNormalize(input, out digits) && digits.Length is 15 or 16;
}

internal static class DigitNumber
{
    public static bool TryNormalize(string? input, out string digits)
    {
        digits = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return false;
        }

        var builder = new System.Text.StringBuilder(input.Length);
        foreach (char c in input.Trim())
        {
            if (c is ' ' or '.' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            builder.Append(c);
        }

        digits = builder.ToString();
        return digits.Length > 0;
    }
}
