using System.Globalization;
using System.Reflection;
using System.Text.Json;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Regions;

namespace UmkmCredit.Domain.Schemes;

/// <summary>
/// All scheme versions, loaded from data files and validated at start. <see cref="Find"/> picks the version in
/// force on a date.
/// </summary>
public sealed class SchemeCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<SchemeCatalog> Embedded = new(LoadEmbeddedCore);

    private readonly Dictionary<string, SchemeVersion[]> _byCode;
    private readonly Dictionary<string, SchemeVersion> _byVersion;

    /// <summary>Creates a catalogue from already-built versions (validated like the data files).</summary>
    /// <exception cref="InvalidSchemeDataException">A version is invalid or two share a version id.</exception>
    public SchemeCatalog(IEnumerable<SchemeVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        All = versions.OrderBy(v => v.Code, StringComparer.Ordinal).ThenBy(v => v.EffectiveFrom).ToArray();
        _byVersion = new Dictionary<string, SchemeVersion>(StringComparer.Ordinal);
        foreach (SchemeVersion version in All)
        {
            Check(version);
            if (!_byVersion.TryAdd(version.Version, version))
            {
                throw new InvalidSchemeDataException($"Duplicate scheme version {version.Version}.");
            }
        }

        _byCode = All.GroupBy(v => v.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.EffectiveFrom).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every version of every scheme, by code then effective date.</summary>
    public IReadOnlyList<SchemeVersion> All { get; }

    /// <summary>The distinct scheme codes.</summary>
    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    /// <summary>The catalogue of the embedded <c>Schemes/*.json</c> files (loaded once).</summary>
    public static SchemeCatalog LoadEmbedded() => Embedded.Value;

    /// <summary>Builds a catalogue from JSON documents, one scheme version each.</summary>
    /// <exception cref="InvalidSchemeDataException">A document is malformed or breaks a rule.</exception>
    public static SchemeCatalog Parse(IEnumerable<string> jsonDocuments)
    {
        ArgumentNullException.ThrowIfNull(jsonDocuments);
        return new SchemeCatalog(jsonDocuments.Select(ParseVersion).ToArray());
    }

    /// <summary>Parses one scheme version file.</summary>
    /// <exception cref="InvalidSchemeDataException">The document is malformed or breaks a rule.</exception>
    public static SchemeVersion ParseVersion(string json)
    {
        SchemeFile file;
        try
        {
            file = JsonSerializer.Deserialize<SchemeFile>(json, JsonOptions) ?? throw new InvalidSchemeDataException("Empty scheme file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidSchemeDataException("Scheme file is not valid JSON: " + ex.Message, ex);
        }

        string code = file.Code ?? throw new InvalidSchemeDataException("Scheme file without 'code'.");
        if (!DateOnly.TryParseExact(file.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly effectiveFrom))
        {
            throw new InvalidSchemeDataException($"{code}: 'effectiveFrom' must be yyyy-MM-dd.");
        }

        CollateralRule collateral = file.Collateral switch
        {
            "notAllowed" => CollateralRule.NotAllowed,
            "perBank" => CollateralRule.PerBank,
            _ => throw new InvalidSchemeDataException($"{code}: 'collateral' must be notAllowed or perBank."),
        };

        var version = new SchemeVersion
        {
            Code = code,
            Name = file.Name ?? string.Empty,
            EffectiveFrom = effectiveFrom,
            LegalBasis = file.LegalBasis,
            MinAmount = file.MinAmount ?? throw new InvalidSchemeDataException($"{code}: 'minAmount' missing."),
            MaxAmount = file.MaxAmount ?? throw new InvalidSchemeDataException($"{code}: 'maxAmount' missing."),
            AnnualRatePercentByUse = file.AnnualRatePercentByUse ?? [],
            MaxTenorMonthsByPurpose = file.MaxTenorMonths ?? [],
            MinBusinessAgeMonths = file.MinBusinessAgeMonths ?? throw new InvalidSchemeDataException($"{code}: 'minBusinessAgeMonths' missing."),
            Collateral = collateral,
            IsSharia = file.IsSharia,
            Akad = file.Akad,
            Documents = (file.Documents ?? []).Select(d => new DocumentRequirement(d.AnyOf ?? [], d.WhenAmountAbove)).ToArray(),
        };
        Check(version);
        return version;
    }

    /// <summary>The version of <paramref name="schemeCode"/> in force on <paramref name="onDate"/>, or null.</summary>
    public SchemeVersion? Find(string schemeCode, DateOnly onDate)
    {
        if (schemeCode is null || !_byCode.TryGetValue(schemeCode, out SchemeVersion[]? versions))
        {
            return null;
        }

        foreach (SchemeVersion version in versions)
        {
            if (version.EffectiveFrom <= onDate)
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>The version with the given id (<c>KUR_MIKRO@2024-01-01</c>), e.g. to re-read the rules an application was screened under.</summary>
    public SchemeVersion? FindVersion(string versionId) =>
        versionId is not null && _byVersion.TryGetValue(versionId, out SchemeVersion? version) ? version : null;

    private static void Check(SchemeVersion v)
    {
        void Fail(string message) => throw new InvalidSchemeDataException($"{v.Code}@{v.EffectiveFrom:yyyy-MM-dd}: {message}");

        if (string.IsNullOrWhiteSpace(v.Code) || !v.Code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            Fail("code must be upper-case letters, digits and '_'.");
        }

        if (string.IsNullOrWhiteSpace(v.Name))
        {
            Fail("name is required.");
        }

        if (v.MinAmount < 1 || v.MaxAmount < v.MinAmount)
        {
            Fail("amounts must satisfy 1 ≤ minAmount ≤ maxAmount.");
        }

        if (v.AnnualRatePercentByUse.Count == 0 || v.AnnualRatePercentByUse.Any(r => r is < 0 or > 100))
        {
            Fail("annualRatePercentByUse needs at least one rate in 0–100.");
        }

        if (v.MaxTenorMonthsByPurpose.Count == 0
            || v.MaxTenorMonthsByPurpose.Any(p => !Purposes.IsKnown(p.Key) || p.Value is < 1 or > 360))
        {
            Fail("maxTenorMonths needs known purposes with 1–360 months.");
        }

        if (v.MinBusinessAgeMonths is < 0 or > 120)
        {
            Fail("minBusinessAgeMonths must be 0–120.");
        }

        if (v.IsSharia != (v.Akad is not null) || (v.Akad is not null && v.Akad != "murabahah"))
        {
            Fail("a sharia scheme needs akad 'murabahah'; a conventional one none.");
        }

        if (v.Documents.Any(d => d.AnyOf.Count == 0 || d.AnyOf.Any(k => !DocumentKinds.IsKnown(k)) || d.WhenAmountAbove < 0))
        {
            Fail("documents must name known kinds.");
        }

        if (!v.Documents.Any(d => d.AnyOf.Contains(DocumentKinds.Ktp)))
        {
            Fail("documents must include ktp.");
        }
    }

    private static SchemeCatalog LoadEmbeddedCore()
    {
        Assembly assembly = typeof(SchemeCatalog).Assembly;
        var documents = new List<string>();
        foreach (string name in assembly.GetManifestResourceNames()
                     .Where(n => n.Contains(".Schemes.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            documents.Add(reader.ReadToEnd());
        }

        if (documents.Count == 0)
        {
            throw new InvalidSchemeDataException("No embedded scheme files found.");
        }

        return Parse(documents);
    }

    private sealed class SchemeFile
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? EffectiveFrom { get; set; }

        public string? LegalBasis { get; set; }

        public long? MinAmount { get; set; }

        public long? MaxAmount { get; set; }

        public List<decimal>? AnnualRatePercentByUse { get; set; }

        public Dictionary<string, int>? MaxTenorMonths { get; set; }

        public int? MinBusinessAgeMonths { get; set; }

        public string? Collateral { get; set; }

        public bool IsSharia { get; set; }

        public string? Akad { get; set; }

        public List<DocumentRuleFile>? Documents { get; set; }
    }

    private sealed class DocumentRuleFile
    {
        public List<string>? AnyOf { get; set; }

        public long? WhenAmountAbove { get; set; }
    }
}

/// <summary>Thrown at start when a scheme data file is malformed or breaks a catalogue rule.</summary>
public sealed class InvalidSchemeDataException : DomainException
{
    /// <summary>Creates the exception.</summary>
    public InvalidSchemeDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public InvalidSchemeDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
