using PdfSharp.Drawing;
using PdfSharp.Pdf;

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
        FontLibrary.EnsureRegistered();
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = true;
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

        var painter = new Painter();
        int count = layout.Pages.Count;
        for (var i = 0; i < count; i++)
        {
            PdfPage page = document.AddPage();
            page.Width = XUnit.FromPoint(Setup.Width);
            page.Height = XUnit.FromPoint(Setup.Height);
            using XGraphics gfx = XGraphics.FromPdfPage(page);
            var info = new PageInfo(i, count, Setup);
            if (Background is not null)
            {
                painter.Draw(gfx, Background(info));
            }

            painter.Draw(gfx, layout.Pages[i]);
            if (Decoration is not null)
            {
                painter.Draw(gfx, Decoration(info));
            }
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>Replays operations on a page, caching fonts, brushes and pens for the document.</summary>
    private sealed class Painter
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private readonly Dictionary<(FontFace, double), XFont> _fonts = [];
        private readonly Dictionary<double, XBrush> _brushes = [];
        private readonly Dictionary<(double, double), XPen> _pens = [];

        public void Draw(XGraphics gfx, IEnumerable<DrawOp> ops)
        {
            foreach (DrawOp op in ops)
            {
                switch (op.Kind)
                {
                    case DrawKind.Text when !string.IsNullOrEmpty(op.Text):
                        if (op.Rotation != 0)
                        {
                            XGraphicsState state = gfx.Save();
                            gfx.RotateAtTransform(op.Rotation, new XPoint(op.X, op.Y));
                            gfx.DrawString(op.Text, Font(op.Face, op.Size), Brush(op.Gray), op.X, op.Y);
                            gfx.Restore(state);
                        }
                        else
                        {
                            gfx.DrawString(op.Text, Font(op.Face, op.Size), Brush(op.Gray), op.X, op.Y);
                        }

                        break;
                    case DrawKind.FillRect:
                        gfx.DrawRectangle(Brush(op.Gray), op.X, op.Y, op.Width, op.Height);
                        break;
                    case DrawKind.StrokeRect:
                        gfx.DrawRectangle(Pen(op.LineWidth, op.Gray), op.X, op.Y, op.Width, op.Height);
                        break;
                    case DrawKind.Line:
                        gfx.DrawLine(Pen(op.LineWidth, op.Gray), op.X, op.Y, op.X + op.Width, op.Y + op.Height);
                        break;
                    case DrawKind.FillRects when op.Rects is { Count: >= 4 } r:
                        var rects = new XRect[r.Count / 4];
                        for (var k = 0; k < rects.Length; k++)
                        {
                            rects[k] = new XRect(op.X + r[4 * k], op.Y + r[(4 * k) + 1], r[(4 * k) + 2], r[(4 * k) + 3]);
                        }

                        gfx.DrawRectangles(Brush(op.Gray), rects);
                        break;
                    default:
                        break;
                }
            }
        }

        private XFont Font(FontFace face, double size)
        {
            if (!_fonts.TryGetValue((face, size), out XFont? font))
            {
                FontData data = FontLibrary.Get(face);
                XFontStyleEx style = (data.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (data.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
                font = new XFont(data.Family, size, style, Unicode);
                _fonts[(face, size)] = font;
            }

            return font;
        }

        private XBrush Brush(double gray)
        {
            if (!_brushes.TryGetValue(gray, out XBrush? brush))
            {
                brush = new XSolidBrush(Gray(gray));
                _brushes[gray] = brush;
            }

            return brush;
        }

        private XPen Pen(double width, double gray)
        {
            if (!_pens.TryGetValue((width, gray), out XPen? pen))
            {
                pen = new XPen(Gray(gray), width);
                _pens[(width, gray)] = pen;
            }

            return pen;
        }

        private static XColor Gray(double level)
        {
            var v = (byte)Math.Round(Math.Clamp(level, 0, 1) * 255);
            return XColor.FromArgb(v, v, v);
        }
    }
}
