using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace UmkmCredit.Documents.Tests;

/// <summary>Reads rendered PDFs back with PdfPig.</summary>
internal static partial class Pdf
{
    /// <summary>The text of every page, whitespace collapsed.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using PdfDocument document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Spaces().Replace(p.Text, " "))];
    }

    /// <summary>All pages' text, joined.</summary>
    public static string Text(byte[] pdf) => string.Join("\n", PageTexts(pdf));

    public static int PageCount(byte[] pdf)
    {
        using PdfDocument document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    public static string Save(byte[] pdf, string name)
    {
        string path = Path.Combine(TestPaths.Artifacts, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
