using System.Collections.Frozen;
using PdfSharp.Fonts;

namespace UmkmCredit.Documents.Layout;

/// <summary>Style of a run of text.</summary>
public enum TextStyle
{
    /// <summary>Upright, normal weight.</summary>
    Regular,

    /// <summary>Bold.</summary>
    Bold,

    /// <summary>Italic.</summary>
    Italic,
}

/// <summary>The faces embedded in the assembly: Noto Serif for text, DejaVu Sans as the fallback.</summary>
internal enum FontFace
{
    Serif,
    SerifBold,
    SerifItalic,
    Fallback,
}

/// <summary>
/// The embedded fonts: their bytes for PDFsharp and their metrics for the layout. Loaded once, read-only
/// afterwards, so concurrent renders share them safely.
/// </summary>
internal static class FontLibrary
{
    public const string SerifFamily = "Noto Serif";
    public const string FallbackFamily = "DejaVu Sans";

    private static readonly Lazy<FontData[]> Faces = new(LoadFaces, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock RegistrationLock = new();
    private static volatile bool _registered;

    public static FontData Get(FontFace face) => Faces.Value[(int)face];

    public static FontFace FaceFor(TextStyle style) => style switch
    {
        TextStyle.Bold => FontFace.SerifBold,
        TextStyle.Italic => FontFace.SerifItalic,
        _ => FontFace.Serif,
    };

    /// <summary>Installs the embedded-font resolver as PDFsharp's global resolver (once per process).</summary>
    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (!_registered)
            {
                if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
                {
                    GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                }

                _registered = true;
            }
        }
    }

    private static FontData[] LoadFaces()
    {
        var assembly = typeof(FontLibrary).Assembly;
        return
        [
            Load("NotoSerif-Regular.ttf", SerifFamily, false, false),
            Load("NotoSerif-Bold.ttf", SerifFamily, true, false),
            Load("NotoSerif-Italic.ttf", SerifFamily, false, true),
            Load("DejaVuSans.ttf", FallbackFamily, false, false),
        ];

        FontData Load(string file, string family, bool bold, bool italic)
        {
            string resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded font {file} is missing.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] bytes = buffer.ToArray();
            return new FontData(Path.GetFileNameWithoutExtension(file), family, bold, italic, bytes, new TrueTypeMetrics(bytes));
        }
    }

    /// <summary>PDFsharp's view of the embedded fonts: family + style → face name → bytes.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private readonly FrozenDictionary<string, byte[]> _bytes = Faces.Value.ToFrozenDictionary(f => f.FaceName, f => f.Bytes, StringComparer.Ordinal);

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            if (string.Equals(familyName, FallbackFamily, StringComparison.OrdinalIgnoreCase))
            {
                return new FontResolverInfo(Get(FontFace.Fallback).FaceName);
            }

            // Every other family name maps to Noto Serif so that nothing ever reaches for system fonts.
            FontData face = bold ? Get(FontFace.SerifBold) : italic ? Get(FontFace.SerifItalic) : Get(FontFace.Serif);
            return new FontResolverInfo(face.FaceName);
        }

        public byte[]? GetFont(string faceName) => _bytes.TryGetValue(faceName, out byte[]? bytes) ? bytes : null;
    }
}

/// <summary>One embedded face: its PDFsharp face name, family and style, bytes and metrics.</summary>
internal sealed record FontData(string FaceName, string Family, bool Bold, bool Italic, byte[] Bytes, TrueTypeMetrics Metrics);
