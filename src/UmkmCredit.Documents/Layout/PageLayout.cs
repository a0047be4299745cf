namespace UmkmCredit.Documents.Layout;

/// <summary>Page size and the content area, in points (origin top-left).</summary>
/// <param name="Width">Page width.</param>
/// <param name="Height">Page height.</param>
/// <param name="Left">Left margin.</param>
/// <param name="Right">Right margin.</param>
/// <param name="Top">Top of the content area (below the header).</param>
/// <param name="Bottom">Bottom of the content area (above the footer).</param>
public sealed record PageSetup(double Width, double Height, double Left, double Right, double Top, double Bottom)
{
    /// <summary>A4 portrait with the agreement's margins.</summary>
    public static PageSetup A4 { get; } = new(595.28, 841.89, 62, 62, 74, 762);

    /// <summary>Width of the content area.</summary>
    public double ContentWidth => Width - Left - Right;
}

/// <summary>The first pass: every page's recorded operations. The page count is known only after this.</summary>
/// <param name="Pages">Operations per page, in page coordinates.</param>
public sealed record LayoutResult(IReadOnlyList<IReadOnlyList<DrawOp>> Pages);

/// <summary>
/// Stacks blocks onto pages: space before/after (dropped at a page top), keep-with-next chains,
/// orphan and widow control for paragraphs, tables with repeated headers and rows split between lines.
/// </summary>
public static class PageLayout
{
    private const double Epsilon = 0.01;

    /// <summary>Lays the blocks out on pages of <paramref name="setup"/>.</summary>
    public static LayoutResult Paginate(IReadOnlyList<Block> blocks, PageSetup setup)
    {
        var pager = new Pager(setup);
        var laid = new LaidBlock[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            laid[i] = Lay(blocks[i], setup.ContentWidth);
        }

        for (var i = 0; i < laid.Length; i++)
        {
            pager.Place(laid[i], LeadHeight(laid, i + 1));
        }

        return new LayoutResult(pager.Pages);
    }

    /// <summary>Height of the part of block <paramref name="index"/> that must follow a keep-with-next block.</summary>
    private static double LeadHeight(LaidBlock[] laid, int index)
    {
        if (index >= laid.Length || laid[index].Block is PageBreak)
        {
            return 0;
        }

        LaidBlock next = laid[index];
        double lead = next.Block.SpaceBefore + next.MinimumLead;
        return next.Block.KeepWithNext ? next.Block.SpaceBefore + next.TotalHeight + next.Block.SpaceAfter + LeadHeight(laid, index + 1) : lead;
    }

    private static LaidBlock Lay(Block block, double width) => block switch
    {
        Paragraph p => LaidBlock.FromSlices(block, TextLayout.Lines(p, width)),
        Drawing d => LaidBlock.FromSlices(block, [DrawingSlice(d, width)]),
        Table t => LaidTable.Create(t, width),
        PageBreak => LaidBlock.FromSlices(block, []),
        _ => throw new NotSupportedException($"Unknown block {block.GetType().Name}."),
    };

    internal static Slice DrawingSlice(Drawing drawing, double width)
    {
        double dx = drawing.Align switch
        {
            TextAlign.Center => (width - drawing.Width) / 2,
            TextAlign.Right => width - drawing.Width,
            _ => 0,
        };
        return new Slice(drawing.Height, [.. drawing.Ops.Select(op => op.Offset(dx, 0))]);
    }

    /// <summary>Slices of content inside a cell (paragraphs and drawings; space before becomes an empty slice).</summary>
    internal static List<Slice> CellSlices(TableCell cell, Table table, TableColumn column, double width, bool header)
    {
        if (cell.Text is not null)
        {
            TextStyle style = header ? table.HeaderStyle : cell.Text.Style;
            var paragraph = new Paragraph(cell.Text with { Style = style })
            {
                FontSize = table.FontSize,
                LineSpacing = table.LineSpacing,
                Align = cell.Align ?? (header ? TextAlign.Center : column.Align),
            };
            return TextLayout.Lines(paragraph, width);
        }

        var slices = new List<Slice>();
        foreach (Block block in cell.Content)
        {
            if (slices.Count > 0 && block.SpaceBefore > 0)
            {
                slices.Add(new Slice(block.SpaceBefore, []));
            }

            switch (block)
            {
                case Paragraph p: slices.AddRange(TextLayout.Lines(p, width)); break;
                case Drawing d: slices.Add(DrawingSlice(d, width)); break;
                default: throw new NotSupportedException("A table cell holds paragraphs and drawings only.");
            }

            if (block.SpaceAfter > 0)
            {
                slices.Add(new Slice(block.SpaceAfter, []));
            }
        }

        return slices;
    }

    private class LaidBlock
    {
        protected LaidBlock(Block block) => Block = block;

        public Block Block { get; }

        public List<Slice> Slices { get; private init; } = [];

        public virtual double TotalHeight => Slices.Sum(s => s.Height);

        /// <summary>What must fit for the block to start on a page: two lines of a paragraph, a whole drawing.</summary>
        public virtual double MinimumLead => Slices.Take(2).Sum(s => s.Height);

        public static LaidBlock FromSlices(Block block, List<Slice> slices) => new(block) { Slices = slices };
    }

    private sealed class LaidTable : LaidBlock
    {
        private LaidTable(Table table)
            : base(table)
        {
        }

        public required double[] ColumnX { get; init; }

        public required double[] ColumnWidth { get; init; }

        public required List<LaidRow> Header { get; init; }

        public required List<LaidRow> Rows { get; init; }

        public Table Table => (Table)Block;

        public double HeaderHeight => Header.Sum(r => r.Height);

        public override double TotalHeight => HeaderHeight + Rows.Sum(r => r.Height);

        public override double MinimumLead => Table.KeepTogether ? TotalHeight : HeaderHeight + (Rows.Count > 0 ? Rows[0].Height : 0);

        public static LaidTable Create(Table table, double width)
        {
            double total = table.Columns.Sum(c => c.Weight);
            var xs = new double[table.Columns.Count];
            var ws = new double[table.Columns.Count];
            double x = 0;
            for (var c = 0; c < table.Columns.Count; c++)
            {
                xs[c] = x;
                ws[c] = width * table.Columns[c].Weight / total;
                x += ws[c];
            }

            return new LaidTable(table)
            {
                ColumnX = xs,
                ColumnWidth = ws,
                Header = [.. table.Header.Select(r => LayRow(r, true))],
                Rows = [.. table.Rows.Select(r => LayRow(r, false))],
            };

            LaidRow LayRow(TableRow row, bool header)
            {
                var cells = new List<Slice>[table.Columns.Count];
                for (var c = 0; c < cells.Length; c++)
                {
                    TableCell cell = c < row.Cells.Count ? row.Cells[c] : new TableCell(string.Empty);
                    cells[c] = CellSlices(cell, table, table.Columns[c], ws[c] - (2 * table.PaddingX), header);
                }

                return new LaidRow(row, cells, cells.Max(s => s.Sum(x => x.Height)) + (2 * table.PaddingY));
            }
        }
    }

    private sealed record LaidRow(TableRow Row, List<Slice>[] Cells, double Height);

    private sealed class Pager
    {
        private readonly PageSetup _setup;
        private List<DrawOp> _page = new(512);
        private double _y;

        public Pager(PageSetup setup)
        {
            _setup = setup;
            Pages.Add(_page);
            _y = setup.Top;
        }

        public List<IReadOnlyList<DrawOp>> Pages { get; } = [];

        private bool AtTop => _y <= _setup.Top + Epsilon;

        private double Room => _setup.Bottom - _y;

        public void Place(LaidBlock block, double nextLead)
        {
            if (block.Block is PageBreak)
            {
                if (!AtTop)
                {
                    NewPage();
                }

                return;
            }

            if (!AtTop)
            {
                _y += block.Block.SpaceBefore;
            }

            double lead = block.Block.KeepWithNext ? block.TotalHeight + block.Block.SpaceAfter + nextLead : block.MinimumLead;
            if (lead > Room + Epsilon && !AtTop && lead <= _setup.Bottom - _setup.Top)
            {
                NewPage();
            }

            if (block is LaidTable table)
            {
                PlaceTable(table);
            }
            else
            {
                PlaceSlices(block.Slices, block.Block is Paragraph);
            }

            _y += block.Block.SpaceAfter;
        }

        private void NewPage()
        {
            _page = new List<DrawOp>(512);
            Pages.Add(_page);
            _y = _setup.Top;
        }

        private void PlaceSlices(List<Slice> slices, bool breakControl)
        {
            var i = 0;
            while (i < slices.Count)
            {
                int fit = 0;
                double height = 0;
                while (i + fit < slices.Count && height + slices[i + fit].Height <= Room + Epsilon)
                {
                    height += slices[i + fit].Height;
                    fit++;
                }

                int left = slices.Count - i;
                if (fit < left && breakControl)
                {
                    if (fit == 1 && left > 1 && !AtTop)
                    {
                        fit = 0; // orphan: do not leave one line at the bottom
                    }
                    else if (left - fit == 1 && fit > 2)
                    {
                        fit--; // widow: do not carry one line alone to the next page
                    }
                }

                if (fit == 0 && AtTop)
                {
                    fit = 1; // taller than a page: place it anyway rather than loop
                }

                for (var k = 0; k < fit; k++)
                {
                    Emit(slices[i + k].Ops, _setup.Left, _y);
                    _y += slices[i + k].Height;
                }

                i += fit;
                if (i < slices.Count)
                {
                    NewPage();
                }
            }
        }

        private void PlaceTable(LaidTable table)
        {
            Table t = table.Table;
            double usable = _setup.Bottom - _setup.Top - table.HeaderHeight;
            PlaceHeader(table);
            foreach (LaidRow row in table.Rows)
            {
                if (row.Height <= Room + Epsilon)
                {
                    PlaceRow(table, row, [.. row.Cells.Select(c => c.Count)], row.Height);
                    continue;
                }

                if (row.Height <= usable)
                {
                    NewPage();
                    PlaceHeader(table);
                    PlaceRow(table, row, [.. row.Cells.Select(c => c.Count)], row.Height);
                    continue;
                }

                // Taller than a page: split the row between lines, continuing under a repeated header.
                var start = new int[row.Cells.Length];
                while (true)
                {
                    double room = Room - (2 * t.PaddingY);
                    var take = new int[row.Cells.Length];
                    double tallest = 0;
                    var done = true;
                    for (var c = 0; c < row.Cells.Length; c++)
                    {
                        double h = 0;
                        int n = start[c];
                        while (n < row.Cells[c].Count && h + row.Cells[c][n].Height <= room + Epsilon)
                        {
                            h += row.Cells[c][n].Height;
                            n++;
                        }

                        take[c] = n - start[c];
                        tallest = Math.Max(tallest, h);
                        done &= n == row.Cells[c].Count;
                    }

                    if (tallest <= 0 && Room >= usable - Epsilon)
                    {
                        // A single slice taller than a page: place one per cell rather than loop forever.
                        done = true;
                        for (var c = 0; c < row.Cells.Length; c++)
                        {
                            take[c] = start[c] < row.Cells[c].Count ? 1 : 0;
                            tallest = Math.Max(tallest, take[c] == 1 ? row.Cells[c][start[c]].Height : 0);
                            done &= start[c] + take[c] == row.Cells[c].Count;
                        }
                    }

                    if (tallest > 0)
                    {
                        PlaceRowPart(table, row, start, take, tallest + (2 * t.PaddingY));
                    }

                    if (done)
                    {
                        break;
                    }

                    for (var c = 0; c < start.Length; c++)
                    {
                        start[c] += take[c];
                    }

                    NewPage();
                    PlaceHeader(table);
                }
            }
        }

        private void PlaceHeader(LaidTable table)
        {
            foreach (LaidRow row in table.Header)
            {
                PlaceRow(table, row, [.. row.Cells.Select(c => c.Count)], row.Height);
            }
        }

        private void PlaceRow(LaidTable table, LaidRow row, int[] take, double height) =>
            PlaceRowPart(table, row, new int[row.Cells.Length], take, height);

        private void PlaceRowPart(LaidTable table, LaidRow row, int[] start, int[] take, double height)
        {
            Table t = table.Table;
            double left = _setup.Left;
            if (row.Row.Fill is double fill)
            {
                _page.Add(DrawOp.Fill(left, _y, table.ColumnWidth.Sum(), height, fill));
            }

            bool whole = true;
            for (var c = 0; c < row.Cells.Length; c++)
            {
                whole &= start[c] == 0 && take[c] == row.Cells[c].Count;
            }

            for (var c = 0; c < row.Cells.Length; c++)
            {
                double y = _y + t.PaddingY;
                if (whole && row.Row.AlignBottom)
                {
                    y += height - (2 * t.PaddingY) - row.Cells[c].Sum(s => s.Height);
                }

                for (int k = start[c]; k < start[c] + take[c]; k++)
                {
                    Emit(row.Cells[c][k].Ops, left + table.ColumnX[c] + t.PaddingX, y);
                    y += row.Cells[c][k].Height;
                }

                if (t.Borders)
                {
                    _page.Add(DrawOp.Stroke(left + table.ColumnX[c], _y, table.ColumnWidth[c], height));
                }
            }

            _y += height;
        }

        private void Emit(DrawOp[] ops, double dx, double dy)
        {
            foreach (DrawOp op in ops)
            {
                _page.Add(op.Offset(dx, dy));
            }
        }
    }
}
