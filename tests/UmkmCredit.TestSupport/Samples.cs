using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace UmkmCredit.TestSupport;

/// <summary>Sample applications and documents.</summary>
public static class Samples
{
    /// <summary>The NIK of the API.md example.</summary>
    public const string ExampleNik = "6571015508900003";

    private static int _nikCounter = Random.Shared.Next(0, 400_000);

    /// <summary>
    /// A valid NIK of the sample's applicant (born 15-08-1990, woman, Tarakan) not handed out before in this process:
    /// one person may have only one active application, so every sample submission is another person unless a test
    /// passes the same NIK on purpose.
    /// </summary>
    public static string UniqueNik()
    {
        var n = Interlocked.Increment(ref _nikCounter);
        var district = 1 + (n / 9999 % 99);
        var serial = 1 + (n % 9999);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"6571{district:D2}550890{serial:D4}");
    }

    /// <summary>The API.md example application (eligible for KUR_MIKRO once documents are present), with a fresh NIK unless one is given.</summary>
    public static JsonObject Application(string? email = null, string? nik = null) => JsonNode.Parse($$"""
        {
          "applicant": { "nik": "{{nik ?? UniqueNik()}}", "fullName": "Siti Aminah", "birthDate": "1990-08-15",
                         "gender": "P", "phone": "+6281234567890", "email": "{{email ?? "siti@example.id"}}",
                         "address": "Jl. Yos Sudarso No. 10, Tarakan" },
          "business":  { "name": "Amplang Bu Siti", "nib": "9120301234567", "sector": "kuliner",
                         "regency": "6571", "address": "Jl. Mulawarman No. 5, Tarakan",
                         "startedOn": "2019-05-01", "employees": 3, "monthlyRevenue": 15000000,
                         "halalCertified": true },
          "request":   { "scheme": "KUR_MIKRO", "amount": 50000000, "tenorMonths": 24,
                         "purpose": "modal-kerja", "description": "Pembelian bahan baku dan kemasan" },
          "consent":   { "dataProcessing": true }
        }
        """)!.AsObject();

    /// <summary>Documents required for the sample (amount ≤ 50 juta: no NPWP).</summary>
    public static IReadOnlyList<string> RequiredKinds { get; } = ["ktp", "kk", "nib", "business-photo"];

    /// <summary>
    /// A small but real one-page PDF (catalog, page tree, page, xref with exact offsets) that names <paramref name="text"/>,
    /// so a browser's viewer opens it at once instead of spinning on a broken file (the review page embeds documents).
    /// </summary>
    public static byte[] Pdf(string text = "dokumen")
    {
        var safe = new string([.. text.Where(c => c is >= ' ' and <= '~' and not '(' and not ')' and not '\\')]);
        var content = $"BT /F1 12 Tf 20 40 Td ({safe}) Tj ET";
        string[] objects =
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
            $"<</Length {content.Length}>>stream\n{content}\nendstream",
            "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        ];
        var pdf = new StringBuilder($"%PDF-1.4\n% {safe}\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A real 2×2 PNG (a photo stand-in a browser can draw).</summary>
    public static byte[] Png()
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]); // 2×2, 8-bit RGB
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write([0, 0x0B, 0x5D, 0x4B, 0xF0, 0xB4, 0x29, 0, 0x0B, 0x5D, 0x4B, 0xF0, 0xB4, 0x29]); // two rows, filter 0
            }

            Chunk(png, "IDAT", raw.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        png.Write([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
        png.Write(typed);
        var crc = Crc32(typed);
        png.Write([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A multipart body with the application and documents.</summary>
    public static MultipartFormDataContent Multipart(JsonObject application, IEnumerable<(string Kind, byte[] Content)> documents)
    {
        var form = new MultipartFormDataContent();
        var json = new StringContent(application.ToJsonString(), Encoding.UTF8, "application/json");
        form.Add(json, "application");
        foreach (var (kind, content) in documents)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, kind, kind + ".bin");
        }

        return form;
    }

    /// <summary>The sample with all its documents, as multipart.</summary>
    public static MultipartFormDataContent CompleteSubmission(string? email = null, string? nik = null) =>
        Multipart(Application(email, nik), RequiredKinds.Select(k => (k, k == "business-photo" ? Png() : Pdf(k))));
}
