using System.Text.RegularExpressions;
using UmkmCredit.Benchmarks;

namespace UmkmCredit.Documents.Tests;

public sealed class PdfBenchmarkTests
{
    [Fact]
    public async Task Benchmark_prints_one_line_with_the_figures()
    {
        TextWriter original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, await PdfBenchmark.RunAsync(["--iterations", "3"]));
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Matches(@"^agreement-pdf: median_ms=\d+\.\d\d p95_ms=\d+\.\d\d bytes=\d+ pages=\d+\r?\n$", output.ToString());
        Match pages = Regex.Match(output.ToString(), @"pages=(\d+)");
        Assert.Equal(Pdf.PageCount(Agreements.AgreementRenderer.RenderDraft(PdfBenchmark.Typical())).ToString(System.Globalization.CultureInfo.InvariantCulture), pages.Groups[1].Value);
    }
}
