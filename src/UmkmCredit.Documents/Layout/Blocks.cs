namespace UmkmCredit.Documents.Layout;

/// <summary>Horizontal alignment of lines in a paragraph or of a drawing in a cell.</summary>
public enum TextAlign
{
    /// <summary>Ragged right.</summary>
    Left,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>Ragged left.</summary>
    Right,

    /// <summary>Both edges flush; the last line is left-aligned.</summary>
    Justify,
}

/// <summary>A run of text in one style. The text is untrusted: it is sanitised when laid out.</summary>
/// <param name="Text">The text, any Unicode, any length.</param>
/// <param name="Style">Regular, bold or italic.</param>
public sealed record TextRun(string Text, TextStyle Style = TextStyle.Regular);

/// <summary>Something the page layout stacks vertically.</summary>
public abstract class Block
{
    /// <summary>Space above the block in points; dropped at the top of a page.</summary>
    public double SpaceBefore { get; init; }

    /// <summary>Space below the block in points.</summary>
    public double SpaceAfter { get; init; }

    /// <summary>Keep this block on the same page as the start of the next one (headings).</summary>
    public bool KeepWithNext { get; init; }
}

/// <summary>
/// A paragraph of runs, greedily broken into lines and optionally justified, with an optional
/// hanging label ("1.", "(2)", "a.") drawn at <see cref="LabelIndent"/> while the text starts at
/// <see cref="LeftIndent"/>.
/// </summary>
public sealed class Paragraph : Block
{
    /// <summary>Creates a paragraph from runs.</summary>
    public Paragraph(params IEnumerable<TextRun> runs) => Runs = [.. runs];

    /// <summary>Creates a paragraph of one regular run.</summary>
    public Paragraph(string text, TextStyle style = TextStyle.Regular) => Runs = [new TextRun(text, style)];

    /// <summary>The runs in reading order.</summary>
    public IReadOnlyList<TextRun> Runs { get; }

    /// <summary>Font size in points.</summary>
    public double FontSize { get; init; } = 10;

    /// <summary>Line height as a multiple of the font size.</summary>
    public double LineSpacing { get; init; } = 1.32;

    /// <summary>Alignment of the lines.</summary>
    public TextAlign Align { get; init; } = TextAlign.Justify;

    /// <summary>Left edge of the text (every line), in points from the block's left edge.</summary>
    public double LeftIndent { get; init; }

    /// <summary>Space kept free on the right, in points.</summary>
    public double RightIndent { get; init; }

    /// <summary>A hanging label such as "1." or "(2)", drawn on the first line.</summary>
    public string? Label { get; init; }

    /// <summary>Left edge of the label, in points from the block's left edge.</summary>
    public double LabelIndent { get; init; }

    /// <summary>Style of the label.</summary>
    public TextStyle LabelStyle { get; init; } = TextStyle.Regular;

    /// <summary>Grey level of the text, 0 = black, 1 = white.</summary>
    public double Gray { get; init; }
}

/// <summary>A column of a <see cref="Table"/>.</summary>
/// <param name="Weight">Relative width; the columns share the table's width in proportion.</param>
/// <param name="Align">Alignment of the cells' text.</param>
public sealed record TableColumn(double Weight, TextAlign Align = TextAlign.Left);

/// <summary>A cell: blocks (paragraphs or drawings) stacked inside the padding.</summary>
public sealed class TableCell
{
    /// <summary>Creates a cell of blocks.</summary>
    public TableCell(params IEnumerable<Block> content) => Content = [.. content];

    /// <summary>Creates a cell holding one paragraph of text in the column's alignment.</summary>
    public TableCell(string text, TextStyle style = TextStyle.Regular) => Text = new TextRun(text, style);

    /// <summary>The cell's blocks (when not a plain text cell).</summary>
    public IReadOnlyList<Block> Content { get; } = [];

    /// <summary>The plain text of the cell, laid out in the table's font and the column's alignment.</summary>
    public TextRun? Text { get; }

    /// <summary>Overrides the column's alignment.</summary>
    public TextAlign? Align { get; init; }
}

/// <summary>A row of cells.</summary>
/// <param name="Cells">One cell per column.</param>
public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    /// <summary>Fill grey level of the row background, or null for none.</summary>
    public double? Fill { get; init; }

    /// <summary>Align each cell's content to the bottom of the row (signature blocks), when the row is not split.</summary>
    public bool AlignBottom { get; init; }
}

/// <summary>
/// A table whose rows break across pages (a row taller than the space left is split between lines)
/// and whose header rows repeat at the top of every page the table continues on.
/// </summary>
public sealed class Table : Block
{
    /// <summary>Creates a table.</summary>
    public Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> header, IReadOnlyList<TableRow> rows)
    {
        Columns = columns;
        Header = header;
        Rows = rows;
    }

    /// <summary>The columns.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Header rows, repeated on each page.</summary>
    public IReadOnlyList<TableRow> Header { get; }

    /// <summary>Body rows.</summary>
    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Font size of plain text cells.</summary>
    public double FontSize { get; init; } = 9;

    /// <summary>Line spacing of plain text cells.</summary>
    public double LineSpacing { get; init; } = 1.25;

    /// <summary>Horizontal cell padding.</summary>
    public double PaddingX { get; init; } = 4;

    /// <summary>Vertical cell padding.</summary>
    public double PaddingY { get; init; } = 2.5;

    /// <summary>Draw cell borders.</summary>
    public bool Borders { get; init; } = true;

    /// <summary>Never split the table (unless it is taller than a page): a signature block.</summary>
    public bool KeepTogether { get; init; }

    /// <summary>Style of plain text in header rows.</summary>
    public TextStyle HeaderStyle { get; init; } = TextStyle.Bold;
}

/// <summary>A fixed-size vector drawing (a QR code, a stamp box), never split.</summary>
public sealed class Drawing : Block
{
    /// <summary>Creates a drawing of the given size from operations relative to its top-left corner.</summary>
    public Drawing(double width, double height, IReadOnlyList<DrawOp> ops)
    {
        Width = width;
        Height = height;
        Ops = ops;
    }

    /// <summary>Width in points.</summary>
    public double Width { get; }

    /// <summary>Height in points.</summary>
    public double Height { get; }

    /// <summary>The operations, relative to the drawing's top-left corner.</summary>
    public IReadOnlyList<DrawOp> Ops { get; }

    /// <summary>Alignment within the available width.</summary>
    public TextAlign Align { get; init; } = TextAlign.Left;
}

/// <summary>Forces the next block onto a new page.</summary>
public sealed class PageBreak : Block;
