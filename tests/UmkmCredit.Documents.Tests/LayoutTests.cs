using UmkmCredit.Documents.Layout;

namespace UmkmCredit.Documents.Tests;

public sealed class LayoutTests
{
    private static readonly PageSetup Setup = PageSetup.A4;

    private static List<DrawOp> Texts(LayoutResult layout, int page) => [.. layout.Pages[page].Where(o => o.Kind == DrawKind.Text)];

    [Fact]
    public void Justified_lines_reach_the_right_edge_except_the_last()
    {
        string text = string.Join(" ", Enumerable.Repeat("fasilitas kredit usaha rakyat diberikan", 20));
        LayoutResult layout = PageLayout.Paginate([new Paragraph(text)], Setup);
        var lines = Texts(layout, 0).GroupBy(o => o.Y).OrderBy(g => g.Key).ToList();
        Assert.True(lines.Count > 3);
        foreach (var line in lines.SkipLast(1))
        {
            DrawOp last = line.MaxBy(o => o.X);
            double right = last.X + TextLayout.Measure(last.Text!.TrimEnd(), TextStyle.Regular, 10);
            Assert.InRange(right, Setup.Width - Setup.Right - 0.5, Setup.Width - Setup.Right + 0.5);
            Assert.Equal(Setup.Left, line.Min(o => o.X), 3);
        }

        // The last line is left-aligned with natural spacing: one string.
        Assert.Single(lines[^1]);
    }

    [Fact]
    public void Over_long_words_are_broken_within_the_width()
    {
        string word = new('W', 2000);
        LayoutResult layout = PageLayout.Paginate([new Paragraph(word)], Setup);
        var ops = layout.Pages.SelectMany(p => p).Where(o => o.Kind == DrawKind.Text).ToList();
        Assert.True(ops.Count > 10);
        Assert.All(ops, o => Assert.True(o.X + TextLayout.Measure(o.Text!.TrimEnd(), TextStyle.Regular, 10) <= Setup.Width - Setup.Right + 0.01));
        Assert.Equal(2000, ops.Sum(o => o.Text!.Trim().Length));
    }

    [Fact]
    public void Characters_missing_from_the_serif_fall_back_or_become_question_marks()
    {
        var ops = PageLayout.Paginate([new Paragraph("Ж ☃ 漢")], Setup).Pages[0].Where(o => o.Kind == DrawKind.Text).ToList();
        string all = string.Concat(ops.Select(o => o.Text));
        Assert.Contains("Ж", all, StringComparison.Ordinal);
        Assert.Contains("☃", all, StringComparison.Ordinal);
        Assert.DoesNotContain("漢", all, StringComparison.Ordinal);
        Assert.Contains("?", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Right_to_left_words_are_drawn_in_visual_order()
    {
        var ops = PageLayout.Paginate([new Paragraph("Nama: שלום עליכם 2026", TextStyle.Regular) { Align = TextAlign.Left }], Setup).Pages[0];
        string drawn = string.Concat(ops.Where(o => o.Kind == DrawKind.Text).OrderBy(o => o.X).Select(o => o.Text));
        Assert.Equal("Nama: םכילע םולש 2026 ", drawn);
    }

    [Fact]
    public void Sanitizer_drops_controls_and_bidi_overrides_and_keeps_text()
    {
        Assert.Equal("a b c", TextSanitizer.Clean("a\u0007\tb\u202E\u200B c"));
        Assert.Equal("\uFFFDx", TextSanitizer.Clean("\uD800x"));
        Assert.Equal(string.Empty, TextSanitizer.Clean(null));
    }

    [Fact]
    public void Hanging_label_sits_left_of_the_indented_text()
    {
        var p = new Paragraph(string.Join(" ", Enumerable.Repeat("kata", 80))) { Label = "(2)", LeftIndent = 22 };
        var ops = Texts(PageLayout.Paginate([p], Setup), 0);
        Assert.Equal("(2) ", ops[0].Text);
        Assert.Equal(Setup.Left, ops[0].X, 3);
        Assert.All(ops.Skip(1), o => Assert.True(o.X >= Setup.Left + 22 - 0.001));
    }

    [Fact]
    public void Heading_with_keep_with_next_moves_to_the_next_page_with_its_paragraph()
    {
        // 50 one-line paragraphs leave two lines of room: enough for the heading alone, not for it and its text.
        double lineHeight = 10 * 1.32;
        int lines = (int)((Setup.Bottom - Setup.Top) / lineHeight) - 2;
        var blocks = new List<Block>(Enumerable.Range(0, lines).Select(i => new Paragraph($"baris {i}")));
        blocks.Add(new Paragraph("Pasal 9", TextStyle.Bold) { KeepWithNext = true });
        blocks.Add(new Paragraph(string.Join(" ", Enumerable.Repeat("ayat", 60))));
        LayoutResult layout = PageLayout.Paginate(blocks, Setup);

        Assert.DoesNotContain(layout.Pages[0], o => o.Text == "Pasal 9 ");
        Assert.Contains(layout.Pages[1], o => o.Text == "Pasal 9 ");
        Assert.Contains(layout.Pages[1], o => o.Text?.StartsWith("ayat", StringComparison.Ordinal) == true);

        // Without keep-with-next the heading stays at the bottom of the first page.
        blocks[lines] = new Paragraph("Pasal 9", TextStyle.Bold);
        Assert.Contains(PageLayout.Paginate(blocks, Setup).Pages[0], o => o.Text == "Pasal 9 ");
    }

    [Fact]
    public void Table_rows_break_across_pages_with_the_header_repeated()
    {
        var header = new TableRow([new TableCell("Kolom A"), new TableCell("Kolom B")]);
        var rows = Enumerable.Range(1, 120).Select(i => new TableRow([new TableCell($"baris {i}"), new TableCell("isi")])).ToList();
        LayoutResult layout = PageLayout.Paginate([new Table([new TableColumn(1), new TableColumn(1)], [header], rows)], Setup);
        Assert.True(layout.Pages.Count >= 3);
        Assert.All(layout.Pages, page => Assert.Contains(page, o => o.Text == "Kolom A "));
        Assert.All(layout.Pages, page => Assert.All(page, o => Assert.True(o.Y <= Setup.Bottom + 0.01)));
        Assert.Equal(120, layout.Pages.SelectMany(p => p).Count(o => o.Text?.StartsWith("baris", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_between_lines()
    {
        var rows = new[] { new TableRow([new TableCell(string.Join(" ", Enumerable.Repeat("panjang", 3000))), new TableCell("x")]) };
        LayoutResult layout = PageLayout.Paginate([new Table([new TableColumn(3), new TableColumn(1)], [new TableRow([new TableCell("H1"), new TableCell("H2")])], rows)], Setup);
        Assert.True(layout.Pages.Count >= 2);
        Assert.All(layout.Pages, page => Assert.Contains(page, o => o.Text == "H1 "));
        Assert.All(layout.Pages, page => Assert.All(page, o => Assert.True(o.Y <= Setup.Bottom + 0.01)));
    }

    [Fact]
    public void Qr_code_is_vector_rectangles_merged_per_row()
    {
        Drawing qr = QrCode.Create("https://example.test/api/verify/abc", 60)!;
        DrawOp op = Assert.Single(qr.Ops);
        Assert.Equal(DrawKind.FillRects, op.Kind);
        int rects = op.Rects!.Count / 4;
        Assert.InRange(rects, 50, 600);
        Assert.Null(QrCode.Create(new string('x', 5000), 60));
    }

    [Fact]
    public void Page_count_goes_into_the_footer_in_the_second_pass()
    {
        var composer = new PdfComposer(Setup)
        {
            Decoration = page => TextLayout.SingleLine($"Halaman {page.Number} dari {page.Count}", TextStyle.Regular, 8, Setup.Left, Setup.Height - 40, Setup.ContentWidth, TextAlign.Right),
        };
        byte[] pdf = composer.Render([new Paragraph(string.Join(" ", Enumerable.Repeat("kata", 2500)))]);
        IReadOnlyList<string> pages = Pdf.PageTexts(pdf);
        Assert.True(pages.Count >= 3);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {pages.Count}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rendering_is_thread_safe()
    {
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Agreements.AgreementRenderer.RenderDraft(SampleAgreements.Conventional()));
        Assert.All(results, r => Assert.Equal(Pdf.PageCount(results[0]), Pdf.PageCount(r)));
    }
}
