using System.Buffers.Binary;

namespace UmkmCredit.Documents.Layout;

/// <summary>
/// The few TrueType tables the layout needs (cmap, hmtx, hhea, head), read once per face so that
/// measuring text is an array lookup and a missing glyph is known before PDFsharp sees the text.
/// </summary>
internal sealed class TrueTypeMetrics
{
    private readonly ushort[] _bmpGlyphs = new ushort[0x10000];
    private readonly uint[] _groupStart = [];
    private readonly uint[] _groupEnd = [];
    private readonly uint[] _groupGlyph = [];
    private readonly ushort[] _advances;
    private readonly double _unitsPerEm;

    public TrueTypeMetrics(byte[] data)
    {
        ReadOnlySpan<byte> font = data;
        int numTables = U16(font, 4);
        int head = -1, hhea = -1, hmtx = -1, cmap = -1;
        for (var i = 0; i < numTables; i++)
        {
            int record = 12 + (i * 16);
            string tag = System.Text.Encoding.ASCII.GetString(data, record, 4);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(font[(record + 8)..]);
            switch (tag)
            {
                case "head": head = offset; break;
                case "hhea": hhea = offset; break;
                case "hmtx": hmtx = offset; break;
                case "cmap": cmap = offset; break;
                default: break;
            }
        }

        if (head < 0 || hhea < 0 || hmtx < 0 || cmap < 0)
        {
            throw new InvalidDataException("The font lacks one of the head, hhea, hmtx or cmap tables.");
        }

        _unitsPerEm = U16(font, head + 18);
        Ascent = (short)U16(font, hhea + 4) / _unitsPerEm;
        Descent = -(short)U16(font, hhea + 6) / _unitsPerEm;
        int metricsCount = U16(font, hhea + 34);
        _advances = new ushort[metricsCount];
        for (var g = 0; g < metricsCount; g++)
        {
            _advances[g] = U16(font, hmtx + (g * 4));
        }

        int subtables = U16(font, cmap + 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < subtables; i++)
        {
            int record = cmap + 4 + (i * 8);
            int platform = U16(font, record), encoding = U16(font, record + 2);
            int offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font[(record + 4)..]);
            int format = U16(font, offset);
            if (platform == 3 && encoding == 10 && format == 12)
            {
                format12 = offset;
            }
            else if (platform == 3 && encoding == 1 && format == 4)
            {
                format4 = offset;
            }
            else if (platform == 0 && format == 4 && format4 < 0)
            {
                format4 = offset;
            }
        }

        if (format4 >= 0)
        {
            ReadFormat4(font, format4);
        }

        if (format12 >= 0)
        {
            int groups = (int)BinaryPrimitives.ReadUInt32BigEndian(font[(format12 + 12)..]);
            _groupStart = new uint[groups];
            _groupEnd = new uint[groups];
            _groupGlyph = new uint[groups];
            for (var i = 0; i < groups; i++)
            {
                int g = format12 + 16 + (i * 12);
                _groupStart[i] = BinaryPrimitives.ReadUInt32BigEndian(font[g..]);
                _groupEnd[i] = BinaryPrimitives.ReadUInt32BigEndian(font[(g + 4)..]);
                _groupGlyph[i] = BinaryPrimitives.ReadUInt32BigEndian(font[(g + 8)..]);
                for (uint cp = _groupStart[i]; cp <= _groupEnd[i] && cp < 0x10000; cp++)
                {
                    _bmpGlyphs[cp] = (ushort)(_groupGlyph[i] + (cp - _groupStart[i]));
                }
            }
        }
    }

    /// <summary>Ascent above the baseline, in em.</summary>
    public double Ascent { get; }

    /// <summary>Descent below the baseline, in em (positive).</summary>
    public double Descent { get; }

    public bool HasGlyph(int codePoint) => Glyph(codePoint) != 0;

    /// <summary>Advance width of a code point in em; 0 when the glyph is missing.</summary>
    public double Advance(int codePoint)
    {
        int glyph = Glyph(codePoint);
        if (glyph == 0)
        {
            return 0;
        }

        return _advances[Math.Min(glyph, _advances.Length - 1)] / _unitsPerEm;
    }

    /// <summary>Glyph id of a code point; 0 (.notdef) when the font lacks it.</summary>
    public int Glyph(int codePoint)
    {
        if ((uint)codePoint < 0x10000)
        {
            return _bmpGlyphs[codePoint];
        }

        int index = Array.BinarySearch(_groupEnd, (uint)codePoint);
        if (index < 0)
        {
            index = ~index;
        }

        if (index < _groupStart.Length && _groupStart[index] <= (uint)codePoint)
        {
            return (int)(_groupGlyph[index] + ((uint)codePoint - _groupStart[index]));
        }

        return 0;
    }

    private void ReadFormat4(ReadOnlySpan<byte> font, int table)
    {
        int segments = U16(font, table + 6) / 2;
        int ends = table + 14;
        int starts = ends + (segments * 2) + 2;
        int deltas = starts + (segments * 2);
        int rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            int end = U16(font, ends + (s * 2));
            int start = U16(font, starts + (s * 2));
            int delta = (short)U16(font, deltas + (s * 2));
            int rangeOffsetAt = rangeOffsets + (s * 2);
            int rangeOffset = U16(font, rangeOffsetAt);
            for (int cp = start; cp <= end && cp < 0xFFFF; cp++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (cp + delta) & 0xFFFF;
                }
                else
                {
                    int at = rangeOffsetAt + rangeOffset + ((cp - start) * 2);
                    glyph = at + 1 < font.Length ? U16(font, at) : 0;
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }

                _bmpGlyphs[cp] = (ushort)glyph;
            }
        }
    }

    private static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
}
