using System.Security.Cryptography;
using System.Text;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Links;

/// <summary>One HMAC key of the ring, with its id (a fingerprint that is safe to log).</summary>
public sealed record SigningKey(string Id, byte[] Material);

/// <summary>
/// The HMAC keys of action links and access tokens: <c>Links:SigningKey</c> (current; signs everything new)
/// followed by <c>Links:PreviousSigningKeys</c> (verify only). A rotation moves the old key into the previous
/// list, so links already mailed keep working until they expire; dropping it from the list revokes them.
/// </summary>
public sealed class SigningKeyRing
{
    private static readonly char[] _separators = [',', ';', ' ', '\t', '\r', '\n'];

    private SigningKeyRing(IReadOnlyList<SigningKey> keys) => Keys = keys;

    /// <summary>Current key first, then the previous ones in configured order (duplicates removed).</summary>
    public IReadOnlyList<SigningKey> Keys { get; }

    /// <summary>The key that signs new links and tokens.</summary>
    public SigningKey Current => Keys[0];

    /// <summary>The ring of <paramref name="options"/>.</summary>
    public static SigningKeyRing From(LinksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var texts = new List<string> { options.SigningKey ?? string.Empty };
        texts.AddRange(ParseList(options.PreviousSigningKeys));
        var keys = texts.Distinct(StringComparer.Ordinal)
            .Select(t => new SigningKey(IdOf(t), Encoding.UTF8.GetBytes(t)))
            .ToList();
        return new SigningKeyRing(keys);
    }

    /// <summary>The entries of a <c>Links:PreviousSigningKeys</c> value.</summary>
    public static IReadOnlyList<string> ParseList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(_separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Key id: the first 8 hex digits of a SHA-256 over the key (identifies it in logs, never reveals it).</summary>
    public static string IdOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("umkmcredit-signing-key|" + key)))[..8];
}
