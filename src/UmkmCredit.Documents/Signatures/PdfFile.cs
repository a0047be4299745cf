using System.Globalization;
using System.Text.RegularExpressions;

namespace UmkmCredit.Documents.Signatures;

/// <summary>
/// A read-only view of a PDF with classic cross-reference tables (what PDFsharp and <see cref="PdfRevisionWriter"/>
/// write): the newest offset of every object through the <c>/Prev</c> chain, the trailer, and object texts.
/// </summary>
internal sealed partial class PdfFile
{
    private readonly Dictionary<int, (long Offset, int Generation)> _offsets = [];
    private readonly HashSet<int> _decided = [];

    private PdfFile(byte[] bytes)
    {
        Bytes = bytes;
        Text = PdfSyntax.View(bytes);
        int startxref = Text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startxref < 0)
        {
            throw new FormatException("No startxref: not a PDF.");
        }

        int numberStart = PdfSyntax.SkipWhitespace(Text, startxref + 9);
        int numberEnd = numberStart;
        while (numberEnd < Text.Length && char.IsAsciiDigit(Text[numberEnd]))
        {
            numberEnd++;
        }

        LastXref = long.Parse(Text.AsSpan(numberStart, numberEnd - numberStart), NumberStyles.None, CultureInfo.InvariantCulture);
        string? trailer = null;
        long? section = LastXref;
        var seen = new HashSet<long>();
        while (section is { } at && seen.Add(at))
        {
            string sectionTrailer = ReadXrefSection(checked((int)at));
            trailer ??= sectionTrailer;
            section = PdfSyntax.Get(sectionTrailer, "Prev") is { } prev ? long.Parse(prev.Trim(), NumberStyles.None, CultureInfo.InvariantCulture) : null;
        }

        Trailer = trailer!;
        Root = PdfSyntax.Reference(PdfSyntax.Get(Trailer, "Root")) ?? throw new FormatException("The trailer has no /Root.");
        Size = int.Parse(PdfSyntax.Get(Trailer, "Size")!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The file.</summary>
    public byte[] Bytes { get; }

    /// <summary>The Latin-1 view of the file.</summary>
    public string Text { get; }

    /// <summary>Offset of the newest cross-reference section.</summary>
    public long LastXref { get; }

    /// <summary>The newest trailer dictionary text.</summary>
    public string Trailer { get; }

    /// <summary>Object number of the catalog.</summary>
    public int Root { get; }

    /// <summary>One more than the highest object number.</summary>
    public int Size { get; }

    /// <summary>Opens a PDF; throws <see cref="FormatException"/> or <see cref="NotSupportedException"/> when it cannot be read.</summary>
    public static PdfFile Open(byte[] bytes) => new(bytes);

    /// <summary>The generation of an object (0 when unknown).</summary>
    public int Generation(int number) => _offsets.TryGetValue(number, out var e) ? e.Generation : 0;

    /// <summary>The text of an object's value (between <c>obj</c> and <c>endobj</c>, trimmed; a stream object yields its dictionary only).</summary>
    public string Object(int number)
    {
        if (!_offsets.TryGetValue(number, out var entry))
        {
            throw new FormatException($"Object {number} is not in the cross-reference table.");
        }

        int at = checked((int)entry.Offset);
        Match header = ObjectHeader().Match(Text, at);
        if (!header.Success || header.Index != at || int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture) != number)
        {
            throw new FormatException($"Object {number} is not at its offset.");
        }

        int start = PdfSyntax.SkipWhitespace(Text, header.Index + header.Length);
        int end = PdfSyntax.SkipValue(Text, start);
        return Text[start..end];
    }

    /// <summary>The page objects in document order.</summary>
    public List<int> Pages()
    {
        var pages = new List<int>();
        int? tree = PdfSyntax.Reference(PdfSyntax.Get(Object(Root), "Pages")) ?? throw new FormatException("The catalog has no /Pages.");
        Walk(tree.Value, 0);
        return pages;

        void Walk(int node, int depth)
        {
            if (depth > 32)
            {
                throw new FormatException("Page tree too deep.");
            }

            string dict = Object(node);
            string? kids = PdfSyntax.Get(dict, "Kids");
            if (kids is null)
            {
                pages.Add(node);
                return;
            }

            foreach (int kid in PdfSyntax.References(kids))
            {
                Walk(kid, depth + 1);
            }
        }
    }

    private string ReadXrefSection(int at)
    {
        int i = PdfSyntax.SkipWhitespace(Text, at);
        if (string.CompareOrdinal(Text, i, "xref", 0, 4) != 0)
        {
            throw new NotSupportedException("Cross-reference streams are not supported: the PDF must use classic xref tables.");
        }

        i += 4;
        while (true)
        {
            i = PdfSyntax.SkipWhitespace(Text, i);
            if (string.CompareOrdinal(Text, i, "trailer", 0, 7) == 0)
            {
                int dictStart = PdfSyntax.SkipWhitespace(Text, i + 7);
                int dictEnd = PdfSyntax.SkipValue(Text, dictStart);
                return Text[dictStart..dictEnd];
            }

            int first = ReadInt(ref i);
            int count = ReadInt(ref i);
            for (int n = 0; n < count; n++)
            {
                long offset = ReadInt(ref i);
                int generation = ReadInt(ref i);
                i = PdfSyntax.SkipWhitespace(Text, i);
                char kind = Text[i++];
                int number = first + n;
                if (!_decided.Add(number))
                {
                    continue; // newest section first: a newer entry (in use or free) wins
                }

                if (kind == 'n' && number > 0)
                {
                    _offsets[number] = (offset, generation);
                }
            }
        }
    }

    private int ReadInt(ref int i)
    {
        i = PdfSyntax.SkipWhitespace(Text, i);
        int start = i;
        while (i < Text.Length && char.IsAsciiDigit(Text[i]))
        {
            i++;
        }

        return i > start
            ? int.Parse(Text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException($"Number expected in the cross-reference table at {start}.");
    }

    [GeneratedRegex(@"(\d+)\s+(\d+)\s+obj\b")]
    private static partial Regex ObjectHeader();
}
