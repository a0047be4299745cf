using System.Diagnostics;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Workflow.Tests.SampleFiles;

/// <summary>
/// The sample documents every test uploads are real files: a browser embeds them on the review page, and a broken
/// PDF there kept Chromium busy under load. Checked with qpdf and pdftotext, not with the code that wrote them.
/// </summary>
public sealed class SampleDocumentTests
{
    [Fact]
    public void The_sample_pdf_is_a_valid_one_page_pdf_naming_its_text()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sample-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, Samples.Pdf("ktp"));
        try
        {
            var check = Run("qpdf", "--check", file);
            Assert.True(check.ExitCode == 0, check.Output);
            Assert.DoesNotContain("WARNING", check.Output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("ktp", Run("pdftotext", file, "-").Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_sample_png_has_well_formed_chunks()
    {
        // each chunk's CRC-32 recomputed with System.IO.Hashing (not the sample's own CRC code)
        var png = Samples.Png();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var at = 8;
        var types = new List<string>();
        while (at < png.Length)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            var typed = png[(at + 4)..(at + 8 + length)];
            var crc = (uint)((png[at + 8 + length] << 24) | (png[at + 9 + length] << 16) | (png[at + 10 + length] << 8) | png[at + 11 + length]);
            Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(typed), crc);
            types.Add(System.Text.Encoding.ASCII.GetString(typed, 0, 4));
            at += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
    }

    private static (int ExitCode, string Output) Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
