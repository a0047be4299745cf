using System.Diagnostics;
using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class PageImageTests
{
    [Fact]
    public void First_page_renders_to_a_png_that_is_not_blank()
    {
        string pdf = Pdf.Save(AgreementRenderer.RenderDraft(SampleAgreements.Conventional()), "agreement-draft.pdf");
        string prefix = Path.Combine(TestPaths.Artifacts, "agreement-draft-page");

        Run("pdftoppm", $"-png -r 110 -f 1 -l 1 -singlefile \"{pdf}\" \"{prefix}\"");
        Assert.True(new FileInfo(prefix + ".png").Length > 10_000, "the PNG of page 1 is suspiciously small");

        // The same page as a greyscale PGM, trivial to decode: count the dark pixels.
        Run("pdftoppm", $"-gray -r 50 -f 1 -l 1 -singlefile \"{pdf}\" \"{prefix}\"");
        (int width, int height, byte[] pixels) = ReadPgm(prefix + ".pgm");
        Assert.True(width > 300 && height > 400, $"unexpected size {width}x{height}");
        double dark = pixels.Count(p => p < 128) / (double)pixels.Length;
        Assert.InRange(dark, 0.01, 0.5);
    }

    private static void Run(string tool, string arguments)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, UseShellExecute = false })
                ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: install poppler-utils (apt-get install -y poppler-utils).", e);
        }

        using (process)
        {
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} {arguments} failed ({process.ExitCode}): {errors}");
        }
    }

    /// <summary>Reads a binary (P5) PGM with 8-bit samples.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        var at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[at]) || data[at] == '#')
            {
                if (data[at] == '#')
                {
                    while (data[at] != '\n')
                    {
                        at++;
                    }
                }

                at++;
            }

            int start = at;
            while (!char.IsWhiteSpace((char)data[at]))
            {
                at++;
            }

            return System.Text.Encoding.ASCII.GetString(data, start, at - start);
        }

        Assert.Equal("P5", Token());
        int width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        int height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        at++;
        return (width, height, data[at..(at + (width * height))]);
    }
}
