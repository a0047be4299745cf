namespace UmkmCredit.Domain.Applications;

/// <summary>Recognises document types by their magic bytes, never by name.</summary>
public static class FileSignatures
{
    /// <summary>The content type of PDF, JPEG or PNG bytes; null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return "image/jpeg";
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return content.StartsWith(png) ? "image/png" : null;
    }
}
