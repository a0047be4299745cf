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

    /// <summary>A minimal PDF.</summary>
    public static byte[] Pdf(string text = "dokumen") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>A PNG signature followed by filler bytes.</summary>
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

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
