using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace UmkmCredit.Documents.Layout;

/// <summary>Where a page decoration is drawn and on which page of how many.</summary>
/// <param name="Index">Zero-based page index.</param>
/// <param name="Count">Number of pages in the document.</param>
/// <param name="Setup">The page setup.</param>
public sealed record PageInfo(int Index, int Count, PageSetup Setup)
{
    /// <summary>One-based page number.</summary>
    public int Number => Index + 1;
}

/// <summary>Document information written to the PDF.</summary>
/// <param name="Title">Title.</param>
/// <param name="Author">Author.</param>
/// <param name="Subject">Subject.</param>
/// <param name="Keywords">Keywords, comma separated.</param>
/// <param name="CreatedUtc">Creation time (fixed, so that equal input gives equal output apart from the file id).</param>
public sealed record PdfMetadata(string Title, string Author, string Subject, string Keywords, DateTime CreatedUtc);

/// <summary>
/// The second pass: lays the blocks out (first pass, which counts the pages), then draws every page
/// with PDFsharp, adding the background (watermark) and the header and footer, which know the page count.
/// </summary>
public sealed class PdfComposer
{
    /// <summary>Creates a composer for pages of <paramref name="setup"/>.</summary>
    public PdfComposer(PageSetup setup) => Setup = setup;

    /// <summary>The page setup.</summary>
    public PageSetup Setup { get; }

    /// <summary>Drawn under the content of every page (a watermark).</summary>
    public Func<PageInfo, IEnumerable<DrawOp>>? Background { get; init; }

    /// <summary>Drawn over the content of every page (header and footer).</summary>
    public Func<PageInfo, IEnumerable<DrawOp>>? Decoration { get; init; }

    /// <summary>Document information.</summary>
    public PdfMetadata? Metadata { get; init; }

    /// <summary>Lays out and renders <paramref name="blocks"/> to PDF bytes.</summary>
    public byte[] Render(IReadOnlyList<Block> blocks) => Render(PageLayout.Paginate(blocks, Setup));

    /// <summary>Renders an existing layout to PDF bytes.</summary>
    public byte[] Render(LayoutResult layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        FontLibrary.EnsureRegistered();
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = false; // see Deflate
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        if (Metadata is { } meta)
        {
            document.Info.Title = meta.Title;
            document.Info.Author = meta.Author;
            document.Info.Subject = meta.Subject;
            document.Info.Keywords = meta.Keywords;
            document.Info.Creator = "UmkmCredit";
            document.Info.CreationDate = meta.CreatedUtc;
            document.Info.ModificationDate = meta.CreatedUtc;
        }

        int count = layout.Pages.Count;
        var pages = new List<DrawOp>[count];
        for (var i = 0; i < count; i++)
        {
            var info = new PageInfo(i, count, Setup);
            var ops = new List<DrawOp>(layout.Pages[i].Count + 32);
            if (Background is not null)
            {
                ops.AddRange(Background(info));
            }

            ops.AddRange(layout.Pages[i]);
            if (Decoration is not null)
            {
                ops.AddRange(Decoration(info));
            }

            pages[i] = ops;
        }

        PdfFont?[] fonts = RegisterFonts(document, pages);
        var writer = new ContentWriter(Setup.Height);
        for (var i = 0; i < count; i++)
        {
            PdfPage page = document.AddPage();
            page.Width = XUnit.FromPoint(Setup.Width);
            page.Height = XUnit.FromPoint(Setup.Height);
            var names = new string?[fonts.Length];
            for (var f = 0; f < fonts.Length; f++)
            {
                if (fonts[f] is { } font && pages[i].Exists(o => o.Kind == DrawKind.Text && (int)o.Face == f))
                {
                    names[f] = page.Resources.AddFont(font);
                }
            }

            // PDFsharp 6.2.4 leaves its own deflate streams unterminated (qpdf warns, strict readers may
            // stop early): content streams are compressed here, completely, and marked as such.
            PdfContent content = page.Contents.AppendContent();
            content.CreateStream(Deflate(writer.Write(pages[i], names)));
            content.Elements.SetName("/Filter", "/FlateDecode");
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 3);
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Lets PDFsharp create, subset and map (ToUnicode, widths) each face by drawing every character the
    /// document uses once on a scratch page, which is then removed; the real pages reference the font objects.
    /// </summary>
    private static PdfFont?[] RegisterFonts(PdfDocument document, List<DrawOp>[] pages)
    {
        var faces = Enum.GetValues<FontFace>();
        var used = new HashSet<int>[faces.Length];
        foreach (List<DrawOp> ops in pages)
        {
            foreach (DrawOp op in ops)
            {
                if (op.Kind != DrawKind.Text || string.IsNullOrEmpty(op.Text))
                {
                    continue;
                }

                HashSet<int> set = used[(int)op.Face] ??= [];
                foreach (System.Text.Rune rune in op.Text.EnumerateRunes())
                {
                    set.Add(rune.Value);
                }
            }
        }

        var fonts = new PdfFont?[faces.Length];
        PdfPage scratch = document.AddPage();
        using (XGraphics gfx = XGraphics.FromPdfPage(scratch))
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (FontFace face in faces)
            {
                if (used[(int)face] is not { Count: > 0 } set)
                {
                    continue;
                }

                var text = new System.Text.StringBuilder();
                foreach (int cp in set)
                {
                    text.Append(new System.Text.Rune(cp).ToString());
                }

                FontData data = FontLibrary.Get(face);
                XFontStyleEx style = (data.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (data.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
                gfx.DrawString(text.ToString(), new XFont(data.Family, 10, style, Unicode), XBrushes.Black, 0, 100);
                PdfDictionary resources = scratch.Resources.Elements.GetDictionary(PdfResources.Keys.Font)
                    ?? throw new InvalidOperationException("PDFsharp did not register the font.");
                foreach (string key in resources.Elements.Keys)
                {
                    if (known.Add(key))
                    {
                        fonts[(int)face] = resources.Elements.GetReference(key)?.Value as PdfFont;
                    }
                }
            }
        }

        document.Pages.Remove(scratch);
        return fonts;
    }

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>
    /// Writes a page's operations as a PDF content stream: text as glyph ids of the embedded faces (CID = GID),
    /// consecutive strings on one baseline merged into one TJ with the justification gaps as adjustments;
    /// rectangles and lines as path operators; a QR code as one fill.
    /// </summary>
    private sealed class ContentWriter
    {
        private readonly double _height;
        private readonly System.Text.StringBuilder _out = new(4096);
        private readonly char[] _number = new char[32];

        public ContentWriter(double pageHeight) => _height = pageHeight;

        public byte[] Write(List<DrawOp> ops, string?[] fontNames)
        {
            _out.Clear();
            double fill = -1, stroke = -1, width = -1;
            for (var i = 0; i < ops.Count; i++)
            {
                DrawOp op = ops[i];
                switch (op.Kind)
                {
                    case DrawKind.Text when !string.IsNullOrEmpty(op.Text) && fontNames[(int)op.Face] is { } font:
                        Fill(op.Gray, ref fill);
                        i = WriteText(ops, i, font) - 1;
                        break;
                    case DrawKind.FillRect:
                        Fill(op.Gray, ref fill);
                        Rect(op.X, op.Y, op.Width, op.Height);
                        _out.Append("f\n");
                        break;
                    case DrawKind.StrokeRect:
                        Stroke(op, ref stroke, ref width);
                        Rect(op.X, op.Y, op.Width, op.Height);
                        _out.Append("S\n");
                        break;
                    case DrawKind.Line:
                        Stroke(op, ref stroke, ref width);
                        Num(op.X).Num(_height - op.Y).Append("m ");
                        Num(op.X + op.Width).Num(_height - op.Y - op.Height).Append("l S\n");
                        break;
                    case DrawKind.FillRects when op.Rects is { Count: >= 4 } r:
                        Fill(op.Gray, ref fill);
                        for (var k = 0; k + 3 < r.Count; k += 4)
                        {
                            Rect(op.X + r[k], op.Y + r[k + 1], r[k + 2], r[k + 3]);
                        }

                        _out.Append("f\n");
                        break;
                    default:
                        break;
                }
            }

            return System.Text.Encoding.ASCII.GetBytes(_out.ToString());
        }

        /// <summary>Writes the text op at <paramref name="start"/> and the ones that continue its line; returns the next index.</summary>
        private int WriteText(List<DrawOp> ops, int start, string font)
        {
            DrawOp first = ops[start];
            TrueTypeMetrics metrics = FontLibrary.Get(first.Face).Metrics;
            _out.Append("BT /").Append(font.TrimStart('/')).Append(' ');
            Num(first.Size).Append("Tf ");
            if (first.Rotation != 0)
            {
                // Rotation in page coordinates (y down) is the opposite angle in PDF space (y up).
                double radians = -first.Rotation * Math.PI / 180;
                double cos = Math.Cos(radians), sin = Math.Sin(radians);
                Num(cos).Num(sin).Num(-sin).Num(cos);
            }
            else
            {
                _out.Append("1 0 0 1 ");
            }

            Num(first.X).Num(_height - first.Y).Append("Tm [");
            double x = first.X;
            int i = start;
            while (true)
            {
                DrawOp op = ops[i];
                if (i > start)
                {
                    // Gap between where the previous string ended and where this one starts, in text space units.
                    double gap = (op.X - x) * 1000 / op.Size;
                    if (Math.Abs(gap) > 0.01)
                    {
                        Num(-gap);
                    }
                }

                _out.Append('<');
                double advance = 0;
                foreach (System.Text.Rune rune in op.Text!.EnumerateRunes())
                {
                    int glyph = metrics.Glyph(rune.Value);
                    _out.Append(Hex[(glyph >> 12) & 0xF]).Append(Hex[(glyph >> 8) & 0xF]).Append(Hex[(glyph >> 4) & 0xF]).Append(Hex[glyph & 0xF]);
                    advance += metrics.Advance(rune.Value);
                }

                _out.Append('>');
                x = op.X + (advance * op.Size);
                i++;
                if (i >= ops.Count || !Continues(ops[i], op))
                {
                    break;
                }
            }

            _out.Append("] TJ ET\n");
            return i;
        }

        private static bool Continues(DrawOp next, DrawOp previous) =>
            next.Kind == DrawKind.Text && next.Face == previous.Face && next.Size == previous.Size && next.Y == previous.Y
            && next.Gray == previous.Gray && next.Rotation == 0 && previous.Rotation == 0 && next.X >= previous.X && !string.IsNullOrEmpty(next.Text);

        private void Fill(double gray, ref double current)
        {
            if (gray != current)
            {
                Num(gray).Append("g\n");
                current = gray;
            }
        }

        private void Stroke(DrawOp op, ref double gray, ref double width)
        {
            if (op.Gray != gray)
            {
                Num(op.Gray).Append("G\n");
                gray = op.Gray;
            }

            if (op.LineWidth != width)
            {
                Num(op.LineWidth).Append("w\n");
                width = op.LineWidth;
            }
        }

        private void Rect(double x, double y, double w, double h) =>
            Num(x).Num(_height - y - h).Num(w).Num(h).Append("re ");

        private ContentWriter Append(string text)
        {
            _out.Append(text);
            return this;
        }

        /// <summary>Appends a number with at most three decimals (custom format strings are too slow here).</summary>
        private ContentWriter Num(double value)
        {
            long milli = (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);
            if (milli < 0)
            {
                _out.Append('-');
                milli = -milli;
            }

            long whole = Math.DivRem(milli, 1000, out long fraction);
            whole.TryFormat(_number, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
            _out.Append(_number, 0, written);
            if (fraction != 0)
            {
                _out.Append('.');
                int digits = fraction % 100 == 0 ? 1 : fraction % 10 == 0 ? 2 : 3;
                long scaled = digits == 1 ? fraction / 100 : digits == 2 ? fraction / 10 : fraction;
                for (int d = digits - 1; d >= 0; d--)
                {
                    _number[d] = (char)('0' + (scaled % 10));
                    scaled /= 10;
                }

                _out.Append(_number, 0, digits);
            }

            _out.Append(' ');
            return this;
        }

        private const string Hex = "0123456789ABCDEF";
    }
}
