using System.Globalization;
using System.Text;

namespace UmkmCredit.Documents.Signatures;

/// <summary>What a signature field says about its signer (all text is written as UTF-16 text strings).</summary>
/// <param name="FieldName">Field name (<c>/T</c>), unique in the document, e.g. <c>applicant</c> or <c>seal</c>.</param>
/// <param name="SignerName">Who signs (<c>/Name</c>).</param>
/// <param name="Reason">Why (<c>/Reason</c>), e.g. the role and the OTP evidence id.</param>
/// <param name="Location">Where (<c>/Location</c>).</param>
/// <param name="ContactInfo">How to reach or check (<c>/ContactInfo</c>), e.g. the verification URL; optional.</param>
/// <param name="SigningTimeUtc">Claimed signing time (<c>/M</c>).</param>
/// <param name="Widget">A visible box on a page, or null for an invisible signature.</param>
public sealed record SignatureFieldSpec(
    string FieldName,
    string SignerName,
    string Reason,
    string Location,
    string? ContactInfo,
    DateTime SigningTimeUtc,
    SignatureWidget? Widget = null);

/// <summary>A visible signature box in PDF user space (points, origin bottom-left of the page).</summary>
/// <param name="PageIndex">Zero-based page.</param>
/// <param name="X">Left.</param>
/// <param name="Y">Bottom.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Lines">Lines of text shown in the box (Latin-1; other characters print as '?').</param>
public sealed record SignatureWidget(int PageIndex, double X, double Y, double Width, double Height, IReadOnlyList<string> Lines);

/// <summary>A revision with a signature placeholder: the bytes to sign, then the finished file.</summary>
internal sealed class PreparedRevision(byte[] bytes, int contentsStart, int contentsEnd)
{
    /// <summary>The bytes the signature covers (everything except the <c>/Contents</c> hex string).</summary>
    public byte[] SignedBytes()
    {
        var data = new byte[bytes.Length - (contentsEnd - contentsStart)];
        Buffer.BlockCopy(bytes, 0, data, 0, contentsStart);
        Buffer.BlockCopy(bytes, contentsEnd, data, contentsStart, bytes.Length - contentsEnd);
        return data;
    }

    /// <summary>Writes the CMS into the placeholder and returns the finished file.</summary>
    public byte[] Complete(byte[] cms)
    {
        int capacity = (contentsEnd - contentsStart - 2) / 2;
        if (cms.Length > capacity)
        {
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the reserved {capacity} bytes.");
        }

        byte[] hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
        Buffer.BlockCopy(hex, 0, bytes, contentsStart + 1, hex.Length);
        return bytes;
    }
}

/// <summary>
/// Appends one incremental update (ISO 32000-1 §7.5.6) that adds a signature field with its signature
/// dictionary: the earlier bytes are never touched, so earlier signatures stay valid. The update holds the
/// signature dictionary, the field/widget, the AcroForm, the page with the widget in <c>/Annots</c>, the
/// catalog when it gains its AcroForm, a visible appearance if asked, a new xref section and trailer.
/// </summary>
internal static class PdfRevisionWriter
{

    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    /// <summary>Adds the field and a placeholder for its signature.</summary>
    /// <param name="pdf">The document so far.</param>
    /// <param name="spec">The field.</param>
    /// <param name="reservedBytes">Room for the CMS (written hex-encoded: twice as many characters in the file).</param>
    public static PreparedRevision Prepare(byte[] pdf, SignatureFieldSpec spec, int reservedBytes)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(spec);
        PdfFile file = PdfFile.Open(pdf);
        List<int> pages = file.Pages();
        int pageIndex = spec.Widget?.PageIndex ?? pages.Count - 1;
        if (pageIndex < 0 || pageIndex >= pages.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"The document has no page {pageIndex + 1}.");
        }

        int page = pages[pageIndex];
        int next = file.Size;
        int sig = next++;
        int field = next++;
        int? appearance = spec.Widget is null ? null : next++;
        var objects = new SortedDictionary<int, string>();

        string catalog = file.Object(file.Root);
        string? acroFormValue = PdfSyntax.Get(catalog, "AcroForm");
        int acroForm;
        if (acroFormValue is null)
        {
            acroForm = next++;
            objects[file.Root] = Set(catalog, "AcroForm", $"{acroForm} 0 R");
            objects[acroForm] = $"<< /Fields [{field} 0 R] /SigFlags 3 >>";
        }
        else
        {
            acroForm = PdfSyntax.Reference(acroFormValue) ?? throw new NotSupportedException("An inline /AcroForm dictionary is not supported.");
            string form = file.Object(acroForm);
            string fields = PdfSyntax.Get(form, "Fields") ?? "[]";
            List<int> existing = PdfSyntax.References(fields);
            foreach (int f in existing)
            {
                if (PdfSyntax.DecodeString(PdfSyntax.Get(file.Object(f), "T")) == spec.FieldName)
                {
                    throw new InvalidOperationException($"The document already has a field named '{spec.FieldName}'.");
                }
            }

            string list = "[" + string.Join(' ', existing.Append(field).Select(n => $"{n} 0 R")) + "]";
            objects[acroForm] = Set(Set(form, "Fields", list), "SigFlags", "3");
        }

        string pageDict = file.Object(page);
        string? annots = PdfSyntax.Get(pageDict, "Annots");
        if (annots is null)
        {
            objects[page] = Set(pageDict, "Annots", $"[{field} 0 R]");
        }
        else if (PdfSyntax.Reference(annots) is { } annotsObject)
        {
            objects[annotsObject] = AppendToArray(file.Object(annotsObject), $"{field} 0 R");
        }
        else
        {
            objects[page] = Set(pageDict, "Annots", AppendToArray(annots, $"{field} 0 R"));
        }

        string rect = spec.Widget is { } w ? $"[{N(w.X)} {N(w.Y)} {N(w.X + w.Width)} {N(w.Y + w.Height)}]" : "[0 0 0 0]";
        var widget = new StringBuilder()
            .Append("<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /T ").Append(PdfSyntax.TextString(spec.FieldName))
            .Append(" /TU ").Append(PdfSyntax.TextString(spec.SignerName))
            .Append(" /V ").Append(sig).Append(" 0 R /P ").Append(page).Append(" 0 R /Rect ").Append(rect);
        if (appearance is { } ap)
        {
            widget.Append(" /AP << /N ").Append(ap).Append(" 0 R >>");
        }

        objects[field] = widget.Append(" >>").ToString();
        if (appearance is { } apNumber)
        {
            objects[apNumber] = Appearance(spec.Widget!);
        }

        var sigDict = new StringBuilder()
            .Append("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ").Append(ByteRangePlaceholder)
            .Append(" /Contents <").Append('0', reservedBytes * 2).Append('>')
            .Append(" /M ").Append(PdfSyntax.Date(spec.SigningTimeUtc))
            .Append(" /Name ").Append(PdfSyntax.TextString(spec.SignerName))
            .Append(" /Reason ").Append(PdfSyntax.TextString(spec.Reason))
            .Append(" /Location ").Append(PdfSyntax.TextString(spec.Location));
        if (!string.IsNullOrEmpty(spec.ContactInfo))
        {
            sigDict.Append(" /ContactInfo ").Append(PdfSyntax.TextString(spec.ContactInfo));
        }

        objects[sig] = sigDict.Append(" >>").ToString();
        return Write(file, objects, next, sig, reservedBytes);
    }

    private static PreparedRevision Write(PdfFile file, SortedDictionary<int, string> objects, int size, int sigNumber, int reservedBytes)
    {
        var output = new MemoryStream(file.Bytes.Length + (reservedBytes * 2) + 4096);
        output.Write(file.Bytes);
        if (file.Bytes.Length > 0 && file.Bytes[^1] is not ((byte)'\n' or (byte)'\r'))
        {
            output.WriteByte((byte)'\n');
        }

        var offsets = new Dictionary<int, long>();
        long sigOffset = 0;
        foreach (var (number, body) in objects)
        {
            offsets[number] = output.Position;
            string header = $"{number} {file.Generation(number)} obj\n";
            if (number == sigNumber)
            {
                sigOffset = output.Position + header.Length;
            }

            Latin1(output, header);
            Latin1(output, body);
            Latin1(output, "\nendobj\n");
        }

        long xref = output.Position;
        var table = new StringBuilder("xref\n");
        var numbers = objects.Keys.ToList();
        for (var i = 0; i < numbers.Count;)
        {
            int j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            table.Append(numbers[i]).Append(' ').Append(j - i + 1).Append('\n');
            for (int k = i; k <= j; k++)
            {
                table.Append(offsets[numbers[k]].ToString("D10", CultureInfo.InvariantCulture)).Append(' ')
                    .Append(file.Generation(numbers[k]).ToString("D5", CultureInfo.InvariantCulture)).Append(" n \n");
            }

            i = j + 1;
        }

        table.Append("trailer\n<< /Size ").Append(size).Append(" /Root ").Append(file.Root).Append(' ').Append(file.Generation(file.Root)).Append(" R");
        foreach (string key in (string[])["Info", "ID"])
        {
            if (PdfSyntax.Get(file.Trailer, key) is { } value)
            {
                table.Append(" /").Append(key).Append(' ').Append(value);
            }
        }

        table.Append(" /Prev ").Append(file.LastXref).Append(" >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        Latin1(output, table.ToString());
        byte[] bytes = output.ToArray();

        // Patch the byte range now that every offset is known.
        string sigText = Encoding.Latin1.GetString(bytes, (int)sigOffset, objects[sigNumber].Length);
        int placeholder = (int)sigOffset + sigText.IndexOf(ByteRangePlaceholder, StringComparison.Ordinal);
        int contentsStart = (int)sigOffset + sigText.IndexOf("/Contents <", StringComparison.Ordinal) + "/Contents ".Length;
        int contentsEnd = contentsStart + (reservedBytes * 2) + 2;
        string range = $"[0 {contentsStart} {contentsEnd} {bytes.Length - contentsEnd}]".PadRight(ByteRangePlaceholder.Length);
        Encoding.ASCII.GetBytes(range, 0, range.Length, bytes, placeholder);
        return new PreparedRevision(bytes, contentsStart, contentsEnd);
    }

    /// <summary>Sets (replaces or adds) a top-level key of a dictionary text.</summary>
    private static string Set(string dict, string key, string value)
    {
        List<DictEntry> entries = PdfSyntax.Entries(dict, 0, out int end);
        foreach (DictEntry e in entries)
        {
            if (e.Key == key)
            {
                return string.Concat(dict.AsSpan(0, e.ValueStart), value, dict.AsSpan(e.ValueEnd));
            }
        }

        return dict[..(end - 2)].TrimEnd() + " /" + key + " " + value + " >>" + dict[end..];
    }

    private static string AppendToArray(string array, string item)
    {
        int close = array.LastIndexOf(']');
        return close < 0 ? throw new FormatException("Array expected.") : string.Concat(array.AsSpan(0, close).TrimEnd(), " ", item, "]");
    }

    private static string Appearance(SignatureWidget w)
    {
        var content = new StringBuilder()
            .Append("q 0.96 g 0 0 ").Append(N(w.Width)).Append(' ').Append(N(w.Height)).Append(" re f Q\n")
            .Append("q 0.35 G 0.6 w 0.3 0.3 ").Append(N(w.Width - 0.6)).Append(' ').Append(N(w.Height - 0.6)).Append(" re S Q\n")
            .Append("BT 0.1 g /Helv 7 Tf 8.5 TL 4 ").Append(N(w.Height - 10)).Append(" Td\n");
        for (var i = 0; i < w.Lines.Count; i++)
        {
            content.Append(i == 0 ? "/Helv 7 Tf (" : "T* (").Append(Literal(w.Lines[i])).Append(") Tj\n");
        }

        content.Append("ET");
        string stream = content.ToString();
        return $"<< /Type /XObject /Subtype /Form /BBox [0 0 {N(w.Width)} {N(w.Height)}] /Resources << /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> /Length {stream.Length} >>\nstream\n{stream}\nendstream";
    }

    private static string Literal(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            char printable = c is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\u00FF') ? c : '?';
            if (printable is '(' or ')' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(printable);
        }

        return sb.ToString();
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static void Latin1(Stream output, string text) => output.Write(Encoding.Latin1.GetBytes(text));
}
