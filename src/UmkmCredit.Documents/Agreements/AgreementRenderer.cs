using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using UmkmCredit.Documents.Layout;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;

namespace UmkmCredit.Documents.Agreements;

/// <summary>
/// Renders the tri-party agreement: the draft (watermarked "DRAF") that signers see, and the signed version
/// with a signature page and a certificate of completion. Thread-safe; no I/O.
/// </summary>
public static class AgreementRenderer
{
    private static readonly PageSetup Setup = PageSetup.A4;

    /// <summary>The draft agreement, watermarked "DRAF".</summary>
    public static byte[] RenderDraft(AgreementModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var document = new AgreementDocument(m, null, ContentHash(m));
        return Composer(m, document, draft: true).Render(document.Blocks());
    }

    /// <summary>The signed agreement: the agreement with the signers' e-signature stamps, a signature page and a certificate of completion.</summary>
    public static byte[] RenderSigned(AgreementModel m, IReadOnlyList<SignatureRecord> signatures, IReadOnlyList<CertificateEntry> certificate) =>
        RenderSignedWithLayout(m, signatures, certificate, null).Pdf;

    /// <summary>
    /// The signed agreement with the stamp-duty mark printed at the meterai box, and where the boxes are:
    /// the free band at the bottom of the signature page for visible PDF signatures, and the meterai box.
    /// </summary>
    public static RenderedAgreement RenderSignedWithLayout(AgreementModel m, IReadOnlyList<SignatureRecord> signatures, IReadOnlyList<CertificateEntry> certificate, StampDutyMark? stampDuty)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(certificate);
        string hash = ContentHash(m);
        var document = new AgreementDocument(m, signatures, hash) { StampDuty = stampDuty };
        List<Block> blocks = document.Blocks();
        blocks.AddRange(SignaturePage(m, signatures, hash));
        blocks.AddRange(CertificatePage(m, certificate, hash));
        LayoutResult layout = PageLayout.Paginate(blocks, Setup);
        byte[] pdf = Composer(m, document, draft: false).Render(layout);

        int signaturePage = -1;
        PageBox? meterai = null;
        for (var i = 0; i < layout.Pages.Count; i++)
        {
            foreach (DrawOp op in layout.Pages[i])
            {
                if (signaturePage < 0 && op.Kind == DrawKind.Text && op.Text is { } text && text.Contains(SignaturePageTitle, StringComparison.Ordinal))
                {
                    signaturePage = i;
                }
                else if (meterai is null && op.Kind == DrawKind.StrokeRect && op.Width == AgreementDocument.MeteraiWidth && op.Height == AgreementDocument.MeteraiHeight)
                {
                    meterai = new PageBox(i, op.X, Setup.Height - op.Y - op.Height, op.Width, op.Height);
                }
            }
        }

        // Visible signatures go in a band above the footer of the signature page, one box per signer.
        const double bandBottom = 84, boxHeight = 54, gap = 8;
        int count = Math.Max(1, signatures.Count);
        double width = (Setup.ContentWidth - (gap * (count - 1))) / count;
        var boxes = Enumerable.Range(0, count)
            .Select(k => new PageBox(signaturePage, Setup.Left + (k * (width + gap)), bandBottom, width, boxHeight))
            .ToList();
        return new RenderedAgreement(pdf, signaturePage, boxes, meterai);
    }

    private const string SignaturePageTitle = "LEMBAR TANDA TANGAN ELEKTRONIK";

    /// <summary>SHA-256 (lower-case hex) of a canonical JSON of the model: fixed field order, invariant formats, no whitespace.</summary>
    public static string ContentHash(AgreementModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("number", m.Number);
            json.WriteString("date", Iso(m.Date));
            json.WriteString("placeName", m.PlaceName);
            json.WriteStartObject("debtor");
            json.WriteString("name", m.Debtor.Name);
            json.WriteString("nik", m.Debtor.Nik);
            json.WriteString("birthDate", Iso(m.Debtor.BirthDate));
            json.WriteString("address", m.Debtor.Address);
            json.WriteString("phone", m.Debtor.Phone);
            json.WriteString("businessName", m.Debtor.BusinessName);
            json.WriteString("businessAddress", m.Debtor.BusinessAddress);
            json.WriteString("nib", m.Debtor.Nib);
            json.WriteEndObject();
            json.WriteStartObject("bank");
            json.WriteString("name", m.Bank.Name);
            json.WriteString("branchAddress", m.Bank.BranchAddress);
            json.WriteString("officerName", m.Bank.OfficerName);
            json.WriteString("officerTitle", m.Bank.OfficerTitle);
            json.WriteEndObject();
            json.WriteStartObject("opd");
            json.WriteString("agencyName", m.Opd.AgencyName);
            json.WriteString("officialName", m.Opd.OfficialName);
            json.WriteString("officialTitle", m.Opd.OfficialTitle);
            json.WriteEndObject();
            json.WriteString("schemeCode", m.SchemeCode);
            json.WriteString("schemeName", m.SchemeName);
            json.WriteBoolean("isSharia", m.IsSharia);
            json.WriteNumber("amount", m.Amount);
            json.WriteString("annualRatePercent", Canonical(m.AnnualRatePercent));
            json.WriteNumber("tenorMonths", m.TenorMonths);
            json.WriteString("purpose", m.Purpose);
            json.WriteString("purposeDescription", m.PurposeDescription);
            json.WriteStartObject("schedule");
            json.WriteString("method", m.Schedule.Method);
            json.WriteNumber("principal", m.Schedule.Principal);
            json.WriteString("annualRatePercent", Canonical(m.Schedule.AnnualRatePercent));
            json.WriteNumber("tenorMonths", m.Schedule.TenorMonths);
            json.WriteStartArray("instalments");
            foreach (Instalment i in m.Schedule.Instalments)
            {
                json.WriteStartArray();
                json.WriteNumberValue(i.Number);
                json.WriteStringValue(Iso(i.DueDate));
                json.WriteNumberValue(i.Principal);
                json.WriteNumberValue(i.InterestOrMargin);
                json.WriteNumberValue(i.Payment);
                json.WriteNumberValue(i.RemainingPrincipal);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("recommendations");
            foreach (string r in m.Recommendations)
            {
                json.WriteStringValue(r);
            }

            json.WriteEndArray();
            json.WriteString("verifyUrl", m.VerifyUrl);
            json.WriteString("applicationId", m.ApplicationId);
            json.WriteString("courtName", m.CourtName);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));

        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 6, 6.0 and 6.00 are the same rate: hash the normalised value.
        static string Canonical(decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }

    private static PdfComposer Composer(AgreementModel m, AgreementDocument document, bool draft)
    {
        string title = $"{(m.IsSharia ? "Akad Pembiayaan Murabahah" : "Perjanjian Kerja Sama")} Nomor {m.Number}";
        string parties = $"{m.Bank.Name}, {m.Debtor.Name} dan {m.Opd.AgencyName}";
        return new PdfComposer(Setup)
        {
            Metadata = new PdfMetadata(
                Meta(draft ? title + " (DRAF)" : title),
                Meta(m.Bank.Name),
                Meta($"{(m.IsSharia ? "Pembiayaan murabahah" : "Fasilitas kredit")} {m.SchemeName} sebesar {Rupiah.Format(m.Amount)} antara {parties}"),
                Meta(string.Join(", ", m.IsSharia
                    ? ["akad", "murabahah", "pembiayaan", m.SchemeCode, m.Number, m.ApplicationId, "UMKM", "Kalimantan Utara"]
                    : new[] { "perjanjian kerja sama", "kredit", m.SchemeCode, m.Number, m.ApplicationId, "UMKM", "Kalimantan Utara" })),
                DateTime.SpecifyKind(m.Date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc)),
            Background = draft ? _ => Watermark() : null,
            Decoration = page => HeaderAndFooter(m, page, draft),
        };

        static string Meta(string text)
        {
            string clean = TextSanitizer.Clean(text);
            return clean.Length <= 300 ? clean : string.Concat(clean.AsSpan(0, 299), "…");
        }
    }

    private static IEnumerable<DrawOp> Watermark()
    {
        const double size = 120;
        double width = TextLayout.Measure("DRAF", TextStyle.Bold, size);
        double cx = Setup.Width / 2, cy = Setup.Height / 2;
        // Centre the word on the page, rotated 45° about its middle.
        double angle = -45 * Math.PI / 180;
        double x = cx - (Math.Cos(angle) * width / 2) - (Math.Sin(angle) * size * 0.35);
        double y = cy - (Math.Sin(angle) * width / 2) + (Math.Cos(angle) * size * 0.35);
        yield return DrawOp.TextAt("DRAF", TextStyle.Bold, size, x, y, 0.9) with { Rotation = -45 };
    }

    private static IEnumerable<DrawOp> HeaderAndFooter(AgreementModel m, PageInfo page, bool draft)
    {
        PageSetup s = page.Setup;
        double width = s.ContentWidth;
        const double size = 7.5;
        string number = $"{(m.IsSharia ? "Akad" : "Perjanjian")} No. {m.Number}";
        double numberWidth = Math.Min(width * 0.55, TextLayout.Measure(number, TextStyle.Regular, size) + 2);
        var ops = new List<DrawOp>();
        double bankWidth = width - numberWidth - 10;
        string bank = m.Bank.Name.ToUpperInvariant();
        if (TextLayout.Measure(bank, TextStyle.Bold, size) > bankWidth)
        {
            bank = m.Bank.Name; // mixed case is narrower; SingleLine truncates what still does not fit
        }

        ops.AddRange(TextLayout.SingleLine(bank, TextStyle.Bold, size, s.Left, 44, bankWidth, TextAlign.Left));
        ops.AddRange(TextLayout.SingleLine(number, TextStyle.Regular, size, s.Left + width - numberWidth, 44, numberWidth, TextAlign.Right));
        ops.Add(DrawOp.LineBetween(s.Left, 50, s.Left + width, 50, 0.5));

        double footerRule = s.Height - 62;
        double footerBase = footerRule + 12;
        ops.Add(DrawOp.LineBetween(s.Left, footerRule, s.Left + width, footerRule, 0.5));
        string initials = $"Paraf:  BANK ______   {(m.IsSharia ? "NASABAH" : "DEBITUR")} ______   OPD ______";
        ops.AddRange(TextLayout.SingleLine(initials, TextStyle.Regular, size, s.Left, footerBase, width * 0.6, TextAlign.Left));
        if (draft)
        {
            ops.AddRange(TextLayout.SingleLine("DRAF — belum ditandatangani", TextStyle.Italic, size, s.Left, footerBase, width, TextAlign.Center).Select(o => o.Offset(width * 0.12, 0)));
        }

        ops.AddRange(TextLayout.SingleLine($"Halaman {page.Number} dari {page.Count}", TextStyle.Regular, size, s.Left, footerBase, width, TextAlign.Right));
        return ops;
    }

    private static IEnumerable<Block> SignaturePage(AgreementModel m, IReadOnlyList<SignatureRecord> signatures, string hash)
    {
        yield return new PageBreak();
        yield return Compose.Centered(SignaturePageTitle, TextStyle.Bold, 13, 2);
        yield return new Paragraph($"{(m.IsSharia ? "Akad" : "Perjanjian")} Nomor {m.Number}") { FontSize = 10, Align = TextAlign.Center, SpaceAfter = 10 };
        yield return Compose.P(Compose.R($"Dokumen ini ditandatangani secara elektronik oleh Para Pihak melalui UmkmCredit. Setiap penandatangan diverifikasi dengan kode OTP yang dikirim ke alamat surel terdaftar, menyatakan persetujuannya, dan menandatangani dokumen dengan sidik jari SHA-256 sebagaimana tercantum di bawah. Waktu dinyatakan dalam WITA (UTC+8). Sidik jari isi {(m.IsSharia ? "Akad" : "Perjanjian")}: {hash}."));
        var rows = new List<TableRow>();
        foreach (SignatureRecord s in signatures)
        {
            rows.Add(new TableRow(
            [
                new TableCell(s.RoleLabel),
                new TableCell(s.Name, TextStyle.Bold),
                new TableCell(Wita.FormatTimestamp(s.SignedAtUtc)),
                new TableCell(s.EvidenceId),
                new TableCell(s.DocumentSha256),
            ]));
        }

        if (rows.Count == 0)
        {
            rows.Add(new TableRow([new TableCell("—"), new TableCell("Belum ada tanda tangan"), new TableCell(string.Empty), new TableCell(string.Empty), new TableCell(string.Empty)]));
        }

        yield return new Table(
            [new TableColumn(17), new TableColumn(20), new TableColumn(17), new TableColumn(17), new TableColumn(29)],
            [new TableRow([new TableCell("Peran"), new TableCell("Nama"), new TableCell("Waktu (WITA)"), new TableCell("ID Bukti"), new TableCell("SHA-256 Dokumen")]) { Fill = 0.88 }],
            rows)
        {
            FontSize = 8.5,
            SpaceBefore = 6,
            SpaceAfter = 8,
        };
    }

    private static IEnumerable<Block> CertificatePage(AgreementModel m, IReadOnlyList<CertificateEntry> certificate, string hash)
    {
        yield return new PageBreak();
        yield return Compose.Centered("SERTIFIKAT PENYELESAIAN", TextStyle.Bold, 13, 2);
        yield return new Paragraph("Jejak audit penandatanganan elektronik") { FontSize = 10, Align = TextAlign.Center, SpaceAfter = 10 };
        yield return Compose.KeyValues(
        [
            ("Nomor", m.Number),
            ("ID Permohonan", m.ApplicationId),
            ("Sidik Jari Isi (SHA-256)", hash),
            ("Verifikasi", m.VerifyUrl),
        ]);
        var rows = certificate
            .Select(e => new TableRow(
            [
                new TableCell(Wita.FormatTimestamp(e.AtUtc)),
                new TableCell(e.Event),
                new TableCell(e.Actor),
                new TableCell(e.Ip ?? "—"),
                new TableCell(e.UserAgent ?? "—"),
                new TableCell(e.DocumentSha256 ?? "—"),
            ]))
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add(new TableRow([new TableCell("—"), new TableCell("Tidak ada peristiwa"), new TableCell(string.Empty), new TableCell(string.Empty), new TableCell(string.Empty), new TableCell(string.Empty)]));
        }

        yield return new Table(
            [new TableColumn(15), new TableColumn(15), new TableColumn(16), new TableColumn(11), new TableColumn(22), new TableColumn(21)],
            [new TableRow([new TableCell("Waktu (WITA)"), new TableCell("Peristiwa"), new TableCell("Pelaku"), new TableCell("IP"), new TableCell("Agen Pengguna"), new TableCell("SHA-256 Dokumen")]) { Fill = 0.88 }],
            rows)
        {
            FontSize = 7.5,
            LineSpacing = 1.22,
            PaddingX = 3,
            SpaceBefore = 6,
        };
        yield return new Paragraph("Sertifikat ini dibuat otomatis oleh UmkmCredit dari jejak audit yang tidak dapat diubah. Perubahan satu bita pun pada dokumen ini mengubah sidik jari SHA-256-nya dan dapat diperiksa melalui alamat verifikasi di atas.")
        {
            FontSize = 8,
            Gray = 0.2,
            SpaceBefore = 8,
            Align = TextAlign.Left,
        };
    }
}
