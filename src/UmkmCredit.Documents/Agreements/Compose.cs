using UmkmCredit.Documents.Layout;

namespace UmkmCredit.Documents.Agreements;

/// <summary>Typographic building blocks of the agreement: one place for sizes, indents and spacing.</summary>
internal static class Compose
{
    public const double Body = 10;
    public const double Small = 8.5;
    public const double NumberedIndent = 22;
    public const double LetteredIndent = 38;

    public static TextRun R(string text) => new(text);

    public static TextRun B(string text) => new(text, TextStyle.Bold);

    public static TextRun I(string text) => new(text, TextStyle.Italic);

    public static Paragraph P(params TextRun[] runs) => new(runs) { FontSize = Body, SpaceAfter = 4 };

    public static Paragraph Centered(string text, TextStyle style, double size, double spaceAfter = 0) =>
        new(text, style) { FontSize = size, Align = TextAlign.Center, SpaceAfter = spaceAfter, LineSpacing = 1.25 };

    /// <summary>"Pasal n" and its title, centred, bold, kept with the first lines that follow.</summary>
    public static IEnumerable<Block> Pasal(int number, string title)
    {
        yield return new Paragraph($"Pasal {number}", TextStyle.Bold) { FontSize = 10.5, Align = TextAlign.Center, SpaceBefore = 10, KeepWithNext = true, LineSpacing = 1.3 };
        yield return new Paragraph(title.ToUpperInvariant(), TextStyle.Bold) { FontSize = 10.5, Align = TextAlign.Center, SpaceAfter = 4, KeepWithNext = true, LineSpacing = 1.3 };
    }

    /// <summary>A numbered paragraph "(n)" with a hanging indent.</summary>
    public static Paragraph Numbered(int number, params TextRun[] runs) =>
        new(runs) { FontSize = Body, Label = $"({number})", LeftIndent = NumberedIndent, SpaceAfter = 3 };

    /// <summary>A numbered paragraph that introduces a list and stays with its first item.</summary>
    public static Paragraph Lead(int number, params TextRun[] runs) =>
        new(runs) { FontSize = Body, Label = $"({number})", LeftIndent = NumberedIndent, SpaceAfter = 2, KeepWithNext = true };

    /// <summary>A list item "1." at the left margin.</summary>
    public static Paragraph Listed(string label, params TextRun[] runs) =>
        new(runs) { FontSize = Body, Label = label, LeftIndent = NumberedIndent, SpaceAfter = 3 };

    /// <summary>A lettered sub-item "a." under a numbered paragraph.</summary>
    public static Paragraph Lettered(int index, params TextRun[] runs) =>
        new(runs) { FontSize = Body, Label = Letter(index) + ".", LabelIndent = NumberedIndent, LeftIndent = LetteredIndent, SpaceAfter = 2 };

    public static string Letter(int index) => index < 26 ? ((char)('a' + index)).ToString() : $"{Letter((index / 26) - 1)}{Letter(index % 26)}";

    /// <summary>A two-column label/value table (the facility summary).</summary>
    public static Table KeyValues(IEnumerable<(string Key, string Value)> rows) =>
        new(
            [new TableColumn(33), new TableColumn(67)],
            [],
            [.. rows.Select(r => new TableRow([new TableCell(r.Key, TextStyle.Bold), new TableCell(r.Value)]))])
        {
            FontSize = 9.5,
            LineSpacing = 1.28,
            PaddingX = 5,
            PaddingY = 3,
            SpaceBefore = 2,
            SpaceAfter = 6,
        };
}
