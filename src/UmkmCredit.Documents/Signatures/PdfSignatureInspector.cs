using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace UmkmCredit.Documents.Signatures;

/// <summary>One signature found in a PDF and what checking it showed.</summary>
/// <param name="FieldName">The field's <c>/T</c> (e.g. <c>applicant</c>, <c>seal</c>), or null.</param>
/// <param name="SignerName">The signature's <c>/Name</c>, else the certificate's common name.</param>
/// <param name="Reason"><c>/Reason</c>.</param>
/// <param name="Location"><c>/Location</c>.</param>
/// <param name="SigningTimeUtc"><c>/M</c>, the claimed signing time.</param>
/// <param name="TimeStampUtc">The RFC 3161 token's time, when the signature carries a valid one.</param>
/// <param name="SubFilter"><c>/SubFilter</c>.</param>
/// <param name="CertificateSubject">The signer certificate's subject.</param>
/// <param name="SignedLength">How many bytes of the file the signature covers (end of its revision).</param>
/// <param name="CoversWholeDocument">True when the signed range reaches the end of the file.</param>
/// <param name="Valid">True when the CMS signature and its message digest match the signed bytes (and the timestamp, if any, matches the signature).</param>
/// <param name="Problem">Why it is not valid, or null.</param>
public sealed record EmbeddedSignature(
    string? FieldName,
    string? SignerName,
    string? Reason,
    string? Location,
    DateTime? SigningTimeUtc,
    DateTime? TimeStampUtc,
    string? SubFilter,
    string? CertificateSubject,
    long SignedLength,
    bool CoversWholeDocument,
    bool Valid,
    string? Problem);

/// <summary>
/// Finds the signature dictionaries of a PDF (any revision) and checks each one cryptographically: the
/// byte range, the CMS signature over its signed attributes, the message digest over the signed bytes and
/// the signature timestamp. Certificate trust is not judged here. Never throws on bad input.
/// </summary>
public static partial class PdfSignatureInspector
{
    /// <summary>More signatures than this are not looked at (a hostile file could hold thousands).</summary>
    public const int MaxSignatures = 64;

    /// <summary>The signatures in file order (oldest revision first).</summary>
    public static IReadOnlyList<EmbeddedSignature> Inspect(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        string text = PdfSyntax.View(pdf);
        var found = new List<EmbeddedSignature>();
        var seenObjects = new HashSet<int>();
        foreach (Match range in ByteRangeKey().Matches(text).Take(MaxSignatures))
        {
            Match header = LastObjectHeader().Match(text, 0, range.Index);
            if (!header.Success)
            {
                continue;
            }

            int number = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!seenObjects.Add(number))
            {
                continue;
            }

            try
            {
                string dict = DictionaryAt(text, header.Index + header.Length);
                found.Add(Check(pdf, text, number, dict));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or IndexOutOfRangeException)
            {
                found.Add(new EmbeddedSignature(null, null, null, null, null, null, null, null, 0, false, false, "unreadable signature dictionary"));
            }
        }

        return found;
    }

    private static string DictionaryAt(string text, int at)
    {
        int start = PdfSyntax.SkipWhitespace(text, at);
        int end = PdfSyntax.SkipValue(text, start);
        return text[start..end];
    }

    private static EmbeddedSignature Check(byte[] pdf, string text, int number, string dict)
    {
        string? field = FieldName(text, number);
        string? name = PdfSyntax.DecodeString(PdfSyntax.Get(dict, "Name"));
        string? reason = PdfSyntax.DecodeString(PdfSyntax.Get(dict, "Reason"));
        string? location = PdfSyntax.DecodeString(PdfSyntax.Get(dict, "Location"));
        DateTime? signedAt = PdfSyntax.ParseDate(PdfSyntax.Get(dict, "M"));
        string? subFilter = PdfSyntax.Get(dict, "SubFilter")?.TrimStart('/');
        EmbeddedSignature Result(long length, bool whole, bool valid, string? problem, string? subject = null, DateTime? stamp = null) =>
            new(field, name ?? CommonName(subject), reason, location, signedAt, stamp, subFilter, subject, length, whole, valid, problem);

        long[] range = [.. (PdfSyntax.Get(dict, "ByteRange") ?? "[]").Trim('[', ']', ' ')
            .Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : -1)];
        if (range.Length != 4 || range[0] != 0 || range.Any(v => v < 0) || range[1] >= range[2] || range[2] + range[3] > pdf.Length)
        {
            return Result(0, false, false, "malformed byte range");
        }

        int holeStart = (int)range[1], holeEnd = (int)range[2];
        long signedLength = range[2] + range[3];
        bool whole = signedLength == pdf.Length;
        if (text[holeStart] != '<' || text[holeEnd - 1] != '>')
        {
            return Result(signedLength, whole, false, "the byte range does not exclude exactly the signature");
        }

        byte[] der;
        try
        {
            byte[] contents = Convert.FromHexString(text.AsSpan(holeStart + 1, holeEnd - holeStart - 2).Trim());
            int length = new AsnReader(contents, AsnEncodingRules.BER).PeekEncodedValue().Length;
            der = contents[..length];
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return Result(signedLength, whole, false, "the signature is not a CMS structure");
        }

        var data = new byte[holeStart + range[3]];
        Buffer.BlockCopy(pdf, 0, data, 0, holeStart);
        Buffer.BlockCopy(pdf, holeEnd, data, holeStart, (int)range[3]);
        var cms = new SignedCms(new ContentInfo(data), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException)
        {
            return Result(signedLength, whole, false, "the signature is not a CMS structure");
        }

        if (cms.SignerInfos.Count != 1)
        {
            return Result(signedLength, whole, false, "expected exactly one signer");
        }

        SignerInfo signer = cms.SignerInfos[0];
        string? subject = signer.Certificate?.Subject;
        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return Result(signedLength, whole, false, "the signature does not match the signed bytes", subject);
        }

        DateTime? stamp = null;
        foreach (CryptographicAttributeObject attribute in signer.UnsignedAttributes)
        {
            if (attribute.Oid.Value != CadesSignature.SignatureTimeStampOid)
            {
                continue;
            }

            foreach (AsnEncodedData value in attribute.Values)
            {
                if (!Rfc3161TimestampToken.TryDecode(value.RawData, out Rfc3161TimestampToken? token, out _)
                    || !token.VerifySignatureForSignerInfo(signer, out X509Certificate2? _))
                {
                    return Result(signedLength, whole, false, "the timestamp does not match the signature", subject);
                }

                stamp = token.TokenInfo.Timestamp.UtcDateTime;
            }
        }

        return Result(signedLength, whole, true, null, subject, stamp);
    }

    private static string? FieldName(string text, int signatureObject)
    {
        foreach (Match reference in new Regex($@"/V\s+{signatureObject}\s+0\s+R\b").Matches(text))
        {
            Match header = LastObjectHeader().Match(text, 0, reference.Index);
            if (!header.Success)
            {
                continue;
            }

            try
            {
                string dict = DictionaryAt(text, header.Index + header.Length);
                if (PdfSyntax.Get(dict, "FT") == "/Sig")
                {
                    return PdfSyntax.DecodeString(PdfSyntax.Get(dict, "T"));
                }
            }
            catch (FormatException)
            {
                // not a dictionary we can read
            }
        }

        return null;
    }

    private static string? CommonName(string? subject)
    {
        if (subject is null)
        {
            return null;
        }

        Match cn = CommonNamePart().Match(subject);
        return cn.Success ? cn.Groups[1].Value : subject;
    }

    [GeneratedRegex(@"/ByteRange\s*\[")]
    private static partial Regex ByteRangeKey();

    [GeneratedRegex(@"(\d+)\s+\d+\s+obj\b", RegexOptions.RightToLeft)]
    private static partial Regex LastObjectHeader();

    [GeneratedRegex(@"CN=([^,]+)")]
    private static partial Regex CommonNamePart();
}
