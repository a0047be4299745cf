using System.Collections;
using QRCoder;
using QRCoder.Exceptions;

namespace UmkmCredit.Documents.Layout;

/// <summary>QR codes from QRCoder as vector rectangles: one rectangle per horizontal run of dark modules, one fill.</summary>
public static class QrCode
{
    /// <summary>
    /// A drawing of the QR code of <paramref name="text"/>, <paramref name="size"/> points square including the quiet zone,
    /// or null when the text is too long for a QR code.
    /// </summary>
    public static Drawing? Create(string text, double size, TextAlign align = TextAlign.Left)
    {
        QRCodeData data;
        try
        {
            data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        }
        catch (DataTooLongException)
        {
            return null;
        }

        using (data)
        {
            List<BitArray> matrix = data.ModuleMatrix;
            double module = size / matrix.Count;
            var rects = new List<double>();
            for (var row = 0; row < matrix.Count; row++)
            {
                BitArray bits = matrix[row];
                var col = 0;
                while (col < bits.Length)
                {
                    if (!bits[col])
                    {
                        col++;
                        continue;
                    }

                    int start = col;
                    while (col < bits.Length && bits[col])
                    {
                        col++;
                    }

                    // A hair of overlap hides the seams some viewers draw between adjacent rectangles.
                    rects.AddRange([start * module, row * module, ((col - start) * module) + 0.02, module + 0.02]);
                }
            }

            return new Drawing(size, size, [new DrawOp { Kind = DrawKind.FillRects, Rects = rects }]) { Align = align };
        }
    }
}
