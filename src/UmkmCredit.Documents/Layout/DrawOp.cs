namespace UmkmCredit.Documents.Layout;

/// <summary>What a <see cref="DrawOp"/> paints.</summary>
public enum DrawKind
{
    /// <summary>A string at a baseline position.</summary>
    Text,

    /// <summary>A filled rectangle.</summary>
    FillRect,

    /// <summary>A stroked rectangle.</summary>
    StrokeRect,

    /// <summary>A straight line from (X, Y) to (X + Width, Y + Height).</summary>
    Line,

    /// <summary>Many filled rectangles at once (x, y, w, h quadruples relative to X, Y), one fill.</summary>
    FillRects,
}

/// <summary>
/// One recorded drawing operation, in points, origin top-left. The layout records operations per page in
/// the first pass; the PDF writer replays them in the second, once the page count is known.
/// </summary>
public readonly record struct DrawOp
{
    /// <summary>The kind of operation.</summary>
    public DrawKind Kind { get; init; }

    /// <summary>Left, or the baseline start of text.</summary>
    public double X { get; init; }

    /// <summary>Top, or the baseline of text.</summary>
    public double Y { get; init; }

    /// <summary>Width (rectangles, lines).</summary>
    public double Width { get; init; }

    /// <summary>Height (rectangles, lines).</summary>
    public double Height { get; init; }

    /// <summary>Text to draw.</summary>
    public string? Text { get; init; }

    /// <summary>Font size in points.</summary>
    public double Size { get; init; }

    /// <summary>Grey level: 0 black … 1 white.</summary>
    public double Gray { get; init; }

    /// <summary>Stroke width.</summary>
    public double LineWidth { get; init; }

    /// <summary>Rotation in degrees around (X, Y), text only.</summary>
    public double Rotation { get; init; }

    /// <summary>Rectangles of a <see cref="DrawKind.FillRects"/> operation.</summary>
    public IReadOnlyList<double>? Rects { get; init; }

    internal FontFace Face { get; init; }

    /// <summary>Text in one of the serif styles. For trusted, short strings; untrusted text goes through <see cref="Paragraph"/>.</summary>
    public static DrawOp TextAt(string text, TextStyle style, double size, double x, double baseline, double gray = 0) =>
        new() { Kind = DrawKind.Text, Text = text, Face = FontLibrary.FaceFor(style), Size = size, X = x, Y = baseline, Gray = gray };

    /// <summary>A filled rectangle.</summary>
    public static DrawOp Fill(double x, double y, double width, double height, double gray) =>
        new() { Kind = DrawKind.FillRect, X = x, Y = y, Width = width, Height = height, Gray = gray };

    /// <summary>A stroked rectangle.</summary>
    public static DrawOp Stroke(double x, double y, double width, double height, double lineWidth = 0.5, double gray = 0) =>
        new() { Kind = DrawKind.StrokeRect, X = x, Y = y, Width = width, Height = height, LineWidth = lineWidth, Gray = gray };

    /// <summary>A line between two points.</summary>
    public static DrawOp LineBetween(double x1, double y1, double x2, double y2, double lineWidth = 0.5, double gray = 0) =>
        new() { Kind = DrawKind.Line, X = x1, Y = y1, Width = x2 - x1, Height = y2 - y1, LineWidth = lineWidth, Gray = gray };

    /// <summary>Moves the operation by (dx, dy).</summary>
    public DrawOp Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}
