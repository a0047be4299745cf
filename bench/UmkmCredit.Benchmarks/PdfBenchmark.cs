using System.Diagnostics;
using System.Globalization;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Documents.Signatures;
using UmkmCredit.Domain.Money;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// The agreement-PDF benchmark, meant for bench/UmkmCredit.Benchmarks (which needs a reference to
/// UmkmCredit.Documents first; until then it lives here and a test runs it).
/// Renders a typical 36-month draft agreement (no certificate) in a warmed loop and prints
/// <c>agreement-pdf: median_ms=X p95_ms=Y bytes=Z pages=N</c>. Options: <c>--iterations N</c> (default 200).
/// </summary>
public static class PdfBenchmark
{
    /// <summary>Runs the warmed loop and prints the figures; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int iterations = 200;
        int at = Array.IndexOf(args, "--iterations");
        if (at >= 0 && at + 1 < args.Length)
        {
            iterations = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        }

        AgreementModel model = Typical();
        byte[] pdf = [];
        for (var i = 0; i < 30; i++)
        {
            pdf = AgreementRenderer.RenderDraft(model);
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            pdf = AgreementRenderer.RenderDraft(model);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        double median = times[iterations / 2];
        double p95 = times[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"agreement-pdf: median_ms={median:0.00} p95_ms={p95:0.00} bytes={pdf.Length} pages={CountPages(pdf)}"));
        return SignedAsync(model, Math.Max(20, iterations / 2));
    }

    /// <summary>
    /// The signed path: the signed agreement (signature page, certificate of completion, stamp-duty box),
    /// three signers' PAdES revisions with visible boxes, then the seal with an RFC 3161 token from the
    /// development time-stamp authority in this process. Prints <c>signed-agreement-pdf: …</c>.
    /// </summary>
    private static async Task<int> SignedAsync(AgreementModel model, int iterations)
    {
        DevelopmentPki pki = DevelopmentPki.Create("UmkmCredit Benchmark", DateTimeOffset.UtcNow);
        SigningCredential credential = pki.SigningCredential();
        LocalTimeStampAuthority tsa = pki.TimeStampAuthority();
        var at = new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
        SignatureRecord[] signers =
        [
            new("applicant", "PIHAK KEDUA (DEBITUR)", model.Debtor.Name, at, "ev-applicant", new string('a', 64)),
            new("bank", "PIHAK PERTAMA (BANK)", model.Bank.OfficerName, at.AddMinutes(20), "ev-bank", new string('a', 64)),
            new("opd", "PIHAK KETIGA (OPD)", model.Opd.OfficialName, at.AddMinutes(40), "ev-opd", new string('a', 64)),
        ];
        CertificateEntry[] certificate = [.. Enumerable.Range(0, 24).Select(i => new CertificateEntry(at.AddMinutes(i), $"event-{i}", "system", "203.0.113.7", "Mozilla/5.0 (Linux; Android 14)", null))];

        async Task<byte[]> OnceAsync()
        {
            RenderedAgreement rendered = AgreementRenderer.RenderSignedWithLayout(model, signers, certificate, new StampDutyMark("DEV0000000000000", "e-Meterai belum dibubuhkan"));
            byte[] pdf = rendered.Pdf;
            for (var k = 0; k < signers.Length; k++)
            {
                PageBox box = rendered.SignatureBoxes[k];
                var widget = new SignatureWidget(box.PageIndex, box.X, box.Y, box.Width, box.Height, ["Ditandatangani secara elektronik oleh", signers[k].Name]);
                pdf = await PdfSigner.SignAsync(pdf, new SignatureFieldSpec(signers[k].Role, signers[k].Name, "OTP " + signers[k].EvidenceId, model.PlaceName, null, signers[k].SignedAtUtc, widget), credential).ConfigureAwait(false);
            }

            return await PdfSigner.SignAsync(pdf, new SignatureFieldSpec("seal", "UmkmCredit Kaltara", "Segel program", model.PlaceName, model.VerifyUrl, at.AddHours(1)), credential, tsa).ConfigureAwait(false);
        }

        byte[] signed = [];
        for (var i = 0; i < 10; i++)
        {
            signed = await OnceAsync().ConfigureAwait(false);
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            signed = await OnceAsync().ConfigureAwait(false);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        int valid = PdfSignatureInspector.Inspect(signed).Count(s => s.Valid);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"signed-agreement-pdf: median_ms={times[iterations / 2]:0.00} p95_ms={times[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)]:0.00} bytes={signed.Length} pages={CountPages(FirstRevision(signed))} valid_signatures={valid}"));
        return valid == 4 ? 0 : 1;
    }

    /// <summary>A typical KUR Mikro working-capital agreement: Rp50.000.000 over 36 months at 6%.</summary>
    public static AgreementModel Typical()
    {
        var date = new DateOnly(2026, 12, 1);
        const long amount = 50_000_000;
        return new AgreementModel(
            Number: "001/PKS-UMKM/TRK/XII/2026",
            Date: date,
            PlaceName: "Tarakan",
            Debtor: new DebtorParty(
                "Siti Rahmawati",
                "6571014507850003",
                new DateOnly(1985, 7, 5),
                "Jl. Yos Sudarso No. 12, RT 004, Kel. Lingkas Ujung, Kec. Tarakan Timur, Kota Tarakan 77123",
                "+6281234567890",
                "UD Amplang Ikan Bandeng Sejahtera",
                "Jl. Mulawarman No. 45, Kel. Karang Anyar, Kec. Tarakan Barat, Kota Tarakan",
                "9120301234567"),
            Bank: new BankParty("PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara", "Jl. Jenderal Sudirman No. 1, Kota Tarakan", "Andi Pratama Wijaya", "Pemimpin Cabang Tarakan"),
            Opd: new OpdParty("Dinas Koperasi dan UKM Kota Tarakan", "Dr. Hj. Nurul Hidayah, S.E., M.Si.", "Kepala Dinas"),
            SchemeCode: "KUR_MIKRO",
            SchemeName: "KUR Mikro",
            IsSharia: false,
            Amount: amount,
            AnnualRatePercent: 6m,
            TenorMonths: 36,
            Purpose: "modal-kerja",
            PurposeDescription: "pembelian bahan baku ikan bandeng, tepung dan kemasan untuk produksi amplang",
            Schedule: InstalmentCalculator.Annuity(amount, 6m, 36, date.AddMonths(1)),
            Recommendations: ["pelatihan pembukuan sederhana", "pendampingan sertifikasi halal dan pendaftaran merek", "fasilitasi pemasaran melalui pameran produk unggulan daerah"],
            VerifyUrl: "https://umkmcredit.kaltaraprov.go.id/api/verify/app-2026-000123",
            ApplicationId: "app-2026-000123");
    }

    /// <summary>The bytes up to the first <c>%%EOF</c> (later revisions rewrite the page that holds the signature boxes).</summary>
    private static byte[] FirstRevision(byte[] pdf)
    {
        int end = pdf.AsSpan().IndexOf("%%EOF"u8);
        return end < 0 ? pdf : pdf[..(end + 5)];
    }

    /// <summary>Counts page objects in the PDF (PDFsharp writes "/Type/Page" for each page and "/Type/Pages" for the tree).</summary>
    private static int CountPages(byte[] pdf)
    {
        string text = System.Text.Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (int i = text.IndexOf("/Type/Page", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Type/Page", i + 1, StringComparison.Ordinal))
        {
            if (i + 10 >= text.Length || text[i + 10] != 's')
            {
                count++;
            }
        }

        return count;
    }
}
