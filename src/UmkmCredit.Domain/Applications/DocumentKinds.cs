namespace UmkmCredit.Domain.Applications;

/// <summary>The kinds of supporting documents (<c>PUT /api/applications/{id}/documents/{kind}</c>).</summary>
public static class DocumentKinds
{
    /// <summary>Kartu Tanda Penduduk.</summary>
    public const string Ktp = "ktp";

    /// <summary>Kartu Keluarga.</summary>
    public const string Kk = "kk";

    /// <summary>Nomor Induk Berusaha (OSS print-out).</summary>
    public const string Nib = "nib";

    /// <summary>Surat Keterangan Usaha (alternative to NIB for micro businesses).</summary>
    public const string Sku = "sku";

    /// <summary>NPWP card.</summary>
    public const string Npwp = "npwp";

    /// <summary>Photo of the business.</summary>
    public const string BusinessPhoto = "business-photo";

    /// <summary>Simple financial statement.</summary>
    public const string FinancialStatement = "financial-statement";

    /// <summary>All kinds.</summary>
    public static IReadOnlyList<string> All { get; } = [Ktp, Kk, Nib, Sku, Npwp, BusinessPhoto, FinancialStatement];

    /// <summary>True when <paramref name="kind"/> is a known kind (exact, lower case).</summary>
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    /// <summary>The Indonesian label, e.g. "Kartu Keluarga (KK)".</summary>
    public static string Label(string kind) => kind switch
    {
        Ktp => "KTP",
        Kk => "Kartu Keluarga (KK)",
        Nib => "NIB",
        Sku => "Surat Keterangan Usaha (SKU)",
        Npwp => "NPWP",
        BusinessPhoto => "foto usaha",
        FinancialStatement => "laporan keuangan sederhana",
        _ => kind,
    };
}
