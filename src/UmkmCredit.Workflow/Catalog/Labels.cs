using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Agreements;

namespace UmkmCredit.Workflow.Catalog;

/// <summary>
/// The one catalogue of Indonesian words for the codes the system stores: sectors, purposes, schemes, document
/// kinds, statuses, signer roles, file types and audit events. Pages, e-mails, the agreement and the admin console
/// show these, never the codes.
/// </summary>
public static class Labels
{
    private static readonly Dictionary<string, string> SectorNames = new(StringComparer.Ordinal)
    {
        ["kuliner"] = "Kuliner (makanan dan minuman)",
        ["kerajinan"] = "Kerajinan tangan",
        ["fesyen"] = "Fesyen",
        ["wastra"] = "Wastra (kain tradisional)",
        ["pertanian"] = "Pertanian",
        ["perkebunan"] = "Perkebunan",
        ["peternakan"] = "Peternakan",
        ["perikanan"] = "Perikanan",
        ["perdagangan"] = "Perdagangan",
        ["jasa"] = "Jasa",
        ["industri-pengolahan"] = "Industri pengolahan",
        ["pariwisata"] = "Pariwisata",
        ["ekonomi-kreatif"] = "Ekonomi kreatif",
    };

    private static readonly Dictionary<string, string> SchemeNames = SchemeCatalog.LoadEmbedded().All
        .GroupBy(v => v.Code, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.EffectiveFrom).First().Name, StringComparer.Ordinal);

    /// <summary>A business sector, e.g. <c>industri-pengolahan</c> → "Industri pengolahan".</summary>
    public static string Sector(string? code) => code is not null && SectorNames.TryGetValue(code, out var label) ? label : code ?? string.Empty;

    /// <summary>Every sector with its label, in the order of <see cref="Sectors.All"/>.</summary>
    public static IReadOnlyList<(string Code, string Label)> AllSectors { get; } = Sectors.All.Select(s => (s, Sector(s))).ToList();

    /// <summary>A purpose, e.g. <c>modal-kerja</c> → "Modal kerja".</summary>
    public static string Purpose(string? code) => code is null ? string.Empty : Capitalise(Purposes.Label(code));

    /// <summary>A scheme by code or version id (<c>KUR_MIKRO</c> or <c>KUR_MIKRO@2024-01-01</c>) → "KUR Mikro".</summary>
    public static string Scheme(string? codeOrVersion)
    {
        var code = codeOrVersion?.Split('@')[0] ?? string.Empty;
        return SchemeNames.TryGetValue(code, out var name) ? name : code;
    }

    /// <summary>A document kind, e.g. <c>business-photo</c> → "Foto usaha".</summary>
    public static string DocumentKind(string? kind) => kind is null ? string.Empty : Capitalise(DocumentKinds.Label(kind));

    /// <summary>A status, e.g. <c>AwaitingSignatures</c> → "Menunggu tanda tangan".</summary>
    public static string Status(ApplicationStatus status) => status.Label();

    /// <summary>A signer role, e.g. <c>bank</c> → "Pejabat bank".</summary>
    public static string SignerRole(string? role) => role is null ? string.Empty : Capitalise(Signers.RoleLabel(role));

    /// <summary>A file type, e.g. <c>image/jpeg</c> → "Foto (JPEG)".</summary>
    public static string ContentType(string? contentType) => contentType switch
    {
        "application/pdf" => "Dokumen PDF",
        "image/jpeg" => "Foto (JPEG)",
        "image/png" => "Gambar (PNG)",
        _ => contentType ?? string.Empty,
    };

    /// <summary>A regency code → its name, e.g. <c>6571</c> → "Kota Tarakan".</summary>
    public static string Regency(string? code) => code is not null && Regencies.TryGet(code, out var r) ? r.Name : code ?? string.Empty;

    /// <summary>An audit event, e.g. <c>review.decided</c> → "Keputusan penilaian dicatat".</summary>
    public static string AuditEvent(string @event) => AuditEvents.Label(@event);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
