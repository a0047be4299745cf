using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace UmkmCredit.Documents.Tests.Signatures;

/// <summary>Outside validators of signed PDFs: poppler's pdfsig, qpdf and openssl, run as processes.</summary>
internal static partial class PdfValidators
{
    /// <summary>One signature as pdfsig reports it.</summary>
    public sealed record PdfsigSignature(string FieldName, string Validation, bool TotalDocumentSigned, string Type);

    /// <summary>Runs <c>pdfsig</c> on the file and parses each "Signature #n" block.</summary>
    public static IReadOnlyList<PdfsigSignature> Pdfsig(string path)
    {
        var (_, output, _) = Run("pdfsig", path);
        var list = new List<PdfsigSignature>();
        foreach (string block in output.Split("Signature #", StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            list.Add(new PdfsigSignature(
                Line(block, "Signature Field Name"),
                Line(block, "Signature Validation"),
                block.Contains("Total document signed", StringComparison.Ordinal) && !block.Contains("Not total document signed", StringComparison.Ordinal),
                Line(block, "Signature Type")));
        }

        return list;
    }

    /// <summary>Runs <c>qpdf --check</c>; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) QpdfCheck(string path)
    {
        var (code, stdout, stderr) = Run("qpdf", "--check", path);
        return (code, stdout + stderr);
    }

    /// <summary>
    /// Extracts every signature's CMS and signed bytes independently of the code under test (a regex over
    /// the file) and runs <c>openssl cms -verify</c> against <paramref name="caPem"/>; returns one result per signature.
    /// </summary>
    public static IReadOnlyList<(int ExitCode, string Output)> OpensslVerifyAll(byte[] pdf, string caPem, string workDir)
    {
        string text = Encoding.Latin1.GetString(pdf);
        var results = new List<(int, string)>();
        var i = 0;
        foreach (Match m in ByteRange().Matches(text))
        {
            long[] r = [.. Enumerable.Range(1, 4).Select(g => long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture))];
            // The hex string is zero-padded; the CMS is exactly as long as its outer DER SEQUENCE says (trimming zeros
            // would also cut a signature that happens to end in a zero byte).
            byte[] padded = Convert.FromHexString(text.Substring((int)r[1] + 1, (int)(r[2] - r[1] - 2)));
            byte[] cms = padded[..DerLength(padded)];
            byte[] data = [.. pdf.AsSpan(0, (int)r[1]), .. pdf.AsSpan((int)r[2], (int)r[3])];
            string cmsPath = Path.Combine(workDir, $"sig{i}.der"), dataPath = Path.Combine(workDir, $"sig{i}.bin");
            File.WriteAllBytes(cmsPath, cms);
            File.WriteAllBytes(dataPath, data);
            var (code, stdout, stderr) = Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", cmsPath, "-content", dataPath,
                "-CAfile", caPem, "-purpose", "any", "-out", "/dev/null");
            results.Add((code, stdout + stderr));
            i++;
        }

        return results;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Line(string block, string label)
    {
        Match m = Regex.Match(block, "- " + Regex.Escape(label) + @": ([^\r\n]*)");
        return m.Success ? m.Groups[1].Value.Trim() : string.Empty;
    }

    // Written by hand so it does not depend on the code under test's parser.
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    /// <summary>The length of the DER element at the start of <paramref name="der"/> (tag, length octets and content).</summary>
    private static int DerLength(byte[] der)
    {
        if (der.Length < 2)
        {
            return der.Length;
        }

        if (der[1] < 0x80)
        {
            return 2 + der[1];
        }

        var octets = der[1] & 0x7F;
        var length = 0;
        for (var k = 0; k < octets; k++)
        {
            length = (length << 8) | der[2 + k];
        }

        return 2 + octets + length;
    }
}
