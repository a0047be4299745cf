using System.Globalization;
using System.Text;

namespace UmkmCredit.Documents.Layout;

/// <summary>A horizontal strip of a laid-out block (one line of text, or one drawing): the unit of page breaking.</summary>
internal readonly record struct Slice(double Height, DrawOp[] Ops);

/// <summary>
/// Breaks paragraphs into lines: words are measured with the embedded fonts' metrics, characters missing
/// from the serif face fall back to DejaVu Sans or become "?", lines are filled greedily, words longer than
/// a line are broken between characters, and lines are justified except the last.
/// </summary>
public static class TextLayout
{
    private const char Substitute = '?';

    /// <summary>Width in points of <paramref name="text"/> on one line (after sanitising and fallback).</summary>
    public static double Measure(string text, TextStyle style, double size)
    {
        double width = 0;
        foreach (Word word in Words([new TextRun(text, style)], size, new StringBuilder()))
        {
            width += word.Width + word.SpaceAfter;
        }

        return width;
    }

    /// <summary>
    /// Operations drawing <paramref name="text"/> on one line of <paramref name="width"/> at a baseline,
    /// truncated with an ellipsis when it does not fit (page headers and footers).
    /// </summary>
    public static IReadOnlyList<DrawOp> SingleLine(string text, TextStyle style, double size, double x, double baseline, double width, TextAlign align)
    {
        var paragraph = new Paragraph(text, style) { FontSize = size, Align = align == TextAlign.Justify ? TextAlign.Left : align };
        List<Slice> lines = Lines(paragraph, width);
        if (lines.Count > 1)
        {
            // Cut characters until the text plus the ellipsis fits on one line.
            string clean = TextSanitizer.Clean(text);
            int keep = clean.Length;
            while (keep > 0 && lines.Count > 1)
            {
                keep = Math.Max(0, keep - Math.Max(1, (keep * (lines.Count - 1)) / lines.Count));
                if (keep > 0 && char.IsLowSurrogate(clean[keep]))
                {
                    keep--;
                }

                lines = Lines(new Paragraph(clean[..keep].TrimEnd() + "…", style) { FontSize = size, Align = paragraph.Align }, width);
            }
        }

        double top = baseline - BaselineOffset(size, paragraph.LineSpacing);
        return [.. lines[0].Ops.Select(op => op.Offset(x, top))];
    }

    internal static double BaselineOffset(double size, double lineSpacing)
    {
        TrueTypeMetrics m = FontLibrary.Get(FontFace.Serif).Metrics;
        double lineHeight = size * lineSpacing;
        return ((lineHeight - ((m.Ascent + m.Descent) * size)) / 2) + (m.Ascent * size);
    }

    /// <summary>Lays a paragraph out in <paramref name="width"/>: one slice per line, operations relative to the block.</summary>
    internal static List<Slice> Lines(Paragraph paragraph, double width)
    {
        double size = paragraph.FontSize;
        double lineHeight = size * paragraph.LineSpacing;
        double baseline = BaselineOffset(size, paragraph.LineSpacing);
        double available = Math.Max(size, width - paragraph.LeftIndent - paragraph.RightIndent);

        var buffer = new StringBuilder();
        List<List<Word>> lines = BreakLines(Words(paragraph.Runs, size, buffer), available, buffer);
        var slices = new List<Slice>(lines.Count);
        var ops = new List<DrawOp>();
        for (var i = 0; i < lines.Count; i++)
        {
            ops.Clear();
            if (i == 0 && !string.IsNullOrEmpty(paragraph.Label))
            {
                double x = paragraph.LabelIndent;
                var labelBuffer = new StringBuilder();
                foreach (Word word in Words([new TextRun(paragraph.Label, paragraph.LabelStyle)], size, labelBuffer))
                {
                    foreach (Piece piece in word.Pieces)
                    {
                        ops.Add(TextOp(labelBuffer.ToString(piece.Start, piece.Length) + " ", piece.Face, size, x, baseline, paragraph.Gray));
                        x += piece.Width;
                    }

                    x += word.SpaceAfter;
                }
            }

            bool last = i == lines.Count - 1;
            TextAlign align = paragraph.Align == TextAlign.Justify && last ? TextAlign.Left : paragraph.Align;
            EmitLine(lines[i], buffer, align, paragraph.LeftIndent, available, baseline, size, paragraph.Gray, ops);
            slices.Add(new Slice(lineHeight, [.. ops]));
        }

        return slices;
    }

    private static void EmitLine(List<Word> line, StringBuilder buffer, TextAlign align, double left, double available, double baseline, double size, double gray, List<DrawOp> ops)
    {
        if (line.Count == 0)
        {
            return;
        }

        double natural = 0;
        for (var w = 0; w < line.Count; w++)
        {
            natural += line[w].Width + (w < line.Count - 1 ? line[w].SpaceAfter : 0);
        }

        double x = left;
        double extra = 0;
        switch (align)
        {
            case TextAlign.Center: x += Math.Max(0, (available - natural) / 2); break;
            case TextAlign.Right: x += Math.Max(0, available - natural); break;
            case TextAlign.Justify when line.Count > 1: extra = Math.Max(0, (available - natural) / (line.Count - 1)); break;
            default: break;
        }

        // Each word's trailing space is drawn (an invisible glyph) so that extracted text keeps its spaces.
        // Unjustified lines merge consecutive words of one face into one string.
        var pending = new StringBuilder();
        FontFace pendingFace = FontFace.Serif;
        double pendingX = x;
        foreach (Word word in VisualOrder(line))
        {
            for (var p = 0; p < word.Pieces.Count; p++)
            {
                Piece piece = word.Pieces[p];
                bool lastPiece = p == word.Pieces.Count - 1;
                if (pending.Length > 0 && (piece.Face != pendingFace || extra > 0))
                {
                    ops.Add(TextOp(pending.ToString(), pendingFace, size, pendingX, baseline, gray));
                    pending.Clear();
                }

                if (pending.Length == 0)
                {
                    pendingFace = piece.Face;
                    pendingX = x;
                }

                pending.Append(buffer, piece.Start, piece.Length);
                if (lastPiece && word.SpaceAfter > 0)
                {
                    pending.Append(' ');
                }

                x += piece.Width;
            }

            x += word.SpaceAfter + extra;
        }

        if (pending.Length > 0)
        {
            // A trailing space (invisible) keeps words of consecutive lines and blocks apart in extracted text.
            if (pending[^1] != ' ')
            {
                pending.Append(' ');
            }

            ops.Add(TextOp(pending.ToString(), pendingFace, size, pendingX, baseline, gray));
        }
    }

    private static DrawOp TextOp(string text, FontFace face, double size, double x, double baseline, double gray) =>
        new() { Kind = DrawKind.Text, Text = text, Face = face, Size = size, X = x, Y = baseline, Gray = gray };

    private static List<List<Word>> BreakLines(List<Word> words, double available, StringBuilder buffer)
    {
        var lines = new List<List<Word>>();
        var line = new List<Word>();
        double used = 0;
        var next = 0;
        Word? carry = null;
        while (carry is not null || next < words.Count)
        {
            Word word = carry ?? words[next++];
            carry = null;
            double needed = line.Count == 0 ? word.Width : used + line[^1].SpaceAfter + word.Width;
            if (needed <= available + 0.001)
            {
                line.Add(word);
                used = needed;
                continue;
            }

            double room = line.Count == 0 ? available : available - used - line[^1].SpaceAfter;
            if (word.Width > available && room > available * 0.2)
            {
                // A word longer than a whole line: fill the rest of this line with its head.
                (Word head, Word? tail) = Split(word, room, buffer);
                if (head.Pieces.Count > 0)
                {
                    line.Add(head);
                    lines.Add(line);
                    line = [];
                    used = 0;
                    carry = tail;

                    continue;
                }
            }

            if (line.Count > 0)
            {
                lines.Add(line);
                line = [];
                used = 0;
                carry = word;
                continue;
            }

            // Empty line and the word still does not fit (narrow column): force at least one character.
            (Word forced, Word? rest) = Split(word, available, buffer);
            lines.Add([forced]);
            carry = rest;
        }

        if (line.Count > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Splits a word so that the head is at most <paramref name="room"/> wide (at least one character).</summary>
    private static (Word Head, Word? Tail) Split(Word word, double room, StringBuilder buffer)
    {
        var head = new List<Piece>();
        var tail = new List<Piece>();
        double width = 0;
        bool full = false;
        foreach (Piece piece in word.Pieces)
        {
            if (full)
            {
                tail.Add(piece);
                continue;
            }

            if (width + piece.Width <= room)
            {
                head.Add(piece);
                width += piece.Width;
                continue;
            }

            TrueTypeMetrics metrics = FontLibrary.Get(piece.Face).Metrics;
            string text = buffer.ToString(piece.Start, piece.Length);
            int cut = 0;
            double cutWidth = 0;
            for (var i = 0; i < text.Length;)
            {
                Rune rune = Rune.GetRuneAt(text, i);
                double w = metrics.Advance(rune.Value) * piece.Size;
                bool mark = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
                if (!mark && width + cutWidth + w > room && (cut > 0 || head.Count > 0))
                {
                    break;
                }

                cut = i + rune.Utf16SequenceLength;
                cutWidth += w;
                i = cut;
            }

            if (cut > 0)
            {
                head.Add(new Piece(piece.Face, piece.Size, piece.Start, cut, cutWidth));
                width += cutWidth;
            }

            if (cut < text.Length)
            {
                tail.Add(new Piece(piece.Face, piece.Size, piece.Start + cut, text.Length - cut, piece.Width - cutWidth));
            }

            full = true;
        }

        var headWord = new Word(head, width, tail.Count == 0 ? word.SpaceAfter : 0);
        return tail.Count == 0 ? (headWord, null) : (headWord, new Word(tail, word.Width - width, word.SpaceAfter));
    }

    /// <summary>Splits runs into words made of pieces of one face each, with the width of the space after them.</summary>
    private static List<Word> Words(IReadOnlyList<TextRun> runs, double size, StringBuilder buffer)
    {
        var words = new List<Word>();
        List<Piece>? pieces = null;
        double wordWidth = 0;
        TrueTypeMetrics fallback = FontLibrary.Get(FontFace.Fallback).Metrics;

        foreach (TextRun run in runs)
        {
            string text = TextSanitizer.Clean(run.Text);
            FontFace primaryFace = FontLibrary.FaceFor(run.Style);
            TrueTypeMetrics primary = FontLibrary.Get(primaryFace).Metrics;
            double space = primary.Advance(' ') * size;
            for (var i = 0; i < text.Length;)
            {
                Rune rune = Rune.GetRuneAt(text, i);
                i += rune.Utf16SequenceLength;
                if (rune.Value == ' ')
                {
                    if (pieces is not null)
                    {
                        words.Add(Finish(pieces, wordWidth, space, buffer));
                        pieces = null;
                        wordWidth = 0;
                    }
                    else if (words.Count > 0 && words[^1].SpaceAfter == 0)
                    {
                        // A space at a run boundary ("Nama " + bold "X"): attach it to the previous word.
                        words[^1] = words[^1] with { SpaceAfter = space };
                    }

                    continue;
                }

                FontFace face = primaryFace;
                double advance;
                if (primary.HasGlyph(rune.Value))
                {
                    advance = primary.Advance(rune.Value);
                }
                else if (fallback.HasGlyph(rune.Value))
                {
                    face = FontFace.Fallback;
                    advance = fallback.Advance(rune.Value);
                }
                else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                {
                    continue;
                }
                else
                {
                    rune = new Rune(Substitute);
                    advance = primary.Advance(Substitute);
                }

                pieces ??= new List<Piece>(1);
                double width = advance * size;
                if (pieces.Count == 0 || pieces[^1].Face != face)
                {
                    pieces.Add(new Piece(face, size, buffer.Length, 0, 0));
                }

                Piece last = pieces[^1];
                int before = buffer.Length;
                if (rune.IsBmp)
                {
                    buffer.Append((char)rune.Value);
                }
                else
                {
                    buffer.Append(char.ConvertFromUtf32(rune.Value));
                }

                pieces[^1] = last with { Length = last.Length + (buffer.Length - before), Width = last.Width + width };
                wordWidth += width;
            }
        }

        if (pieces is not null)
        {
            words.Add(Finish(pieces, wordWidth, 0, buffer));
        }

        return words;
    }

    /// <summary>
    /// A word of right-to-left letters only (Hebrew, Arabic) is stored in visual order: characters reversed
    /// (keeping combining marks on their base) and pieces reversed; the line puts runs of such words right to
    /// left. There is no shaping: Arabic shows isolated letter forms.
    /// </summary>
    private static Word Finish(List<Piece> pieces, double width, double space, StringBuilder buffer)
    {
        bool rtl = false;
        foreach (Piece piece in pieces)
        {
            for (int i = piece.Start; i < piece.Start + piece.Length; i++)
            {
                char c = buffer[i];
                if (IsRtl(c))
                {
                    rtl = true;
                }
                else if (char.IsLetter(c) && !char.IsSurrogate(c))
                {
                    return new Word(pieces, width, space);
                }
            }
        }

        if (!rtl)
        {
            return new Word(pieces, width, space);
        }

        foreach (Piece piece in pieces)
        {
            string text = buffer.ToString(piece.Start, piece.Length);
            var clusters = new List<string>();
            TextElementEnumerator e = StringInfo.GetTextElementEnumerator(text);
            while (e.MoveNext())
            {
                clusters.Add(e.GetTextElement());
            }

            int at = piece.Start;
            for (int k = clusters.Count - 1; k >= 0; k--)
            {
                foreach (char c in clusters[k])
                {
                    buffer[at++] = c;
                }
            }
        }

        pieces.Reverse();
        return new Word(pieces, width, space) { Rtl = true };
    }

    private static bool IsRtl(char c) => c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    /// <summary>The words of a line in drawing order: runs of right-to-left words reversed.</summary>
    private static List<Word> VisualOrder(List<Word> line)
    {
        if (!line.Exists(w => w.Rtl))
        {
            return line;
        }

        var ordered = new List<Word>(line.Count);
        for (var i = 0; i < line.Count;)
        {
            if (!line[i].Rtl)
            {
                ordered.Add(line[i++]);
                continue;
            }

            int end = i;
            while (end < line.Count && line[end].Rtl)
            {
                end++;
            }

            for (int k = end - 1; k >= i; k--)
            {
                // Keep the space that separated the run from what follows after its last visual word.
                ordered.Add(line[k] with { SpaceAfter = k == i ? line[end - 1].SpaceAfter : line[k - 1].SpaceAfter });
            }

            i = end;
        }

        return ordered;
    }

    private sealed record Word(List<Piece> Pieces, double Width, double SpaceAfter)
    {
        public bool Rtl { get; init; }
    }

    /// <summary>A run of one face: characters [Start, Start + Length) of the paragraph's buffer.</summary>
    private readonly record struct Piece(FontFace Face, double Size, int Start, int Length, double Width);
}
