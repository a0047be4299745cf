using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Links;

/// <summary>
/// The applicant's access token: an HMAC of the application id under <c>Links:SigningKey</c>. Only its
/// SHA-256 is stored; it can be re-derived with the key, which lets an idempotent retry return the first answer.
/// After a rotation the key ring re-derives it with whichever key produced the stored hash.
/// </summary>
public sealed class AccessTokens(IOptions<LinksOptions> options)
{
    private readonly SigningKeyRing _ring = SigningKeyRing.From(options.Value);

    /// <summary>The token for a new application (current key).</summary>
    public string Issue(string applicationId) => Issue(applicationId, _ring.Current);

    /// <summary>
    /// The token of a stored application: derived with the ring key (current first, then previous) whose token
    /// matches <paramref name="storedHash"/>, so mails sent after a key rotation still carry the applicant's token.
    /// </summary>
    public string Issue(string applicationId, string? storedHash)
    {
        if (!string.IsNullOrEmpty(storedHash))
        {
            foreach (var key in _ring.Keys)
            {
                var token = Issue(applicationId, key);
                if (Matches(token, storedHash))
                {
                    return token;
                }
            }
        }

        return Issue(applicationId);
    }

    private static string Issue(string applicationId, SigningKey key) =>
        ActionLinkService.Base64Url(HMACSHA256.HashData(key.Material, Encoding.UTF8.GetBytes("applicant|" + applicationId)));

    /// <summary>SHA-256 (hex) of a token, the only thing stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time comparison of a presented token with the stored hash.</summary>
    public static bool Matches(string? presented, string storedHash)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
    }
}
