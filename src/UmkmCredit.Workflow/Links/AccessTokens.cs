using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Links;

/// <summary>
/// The applicant's access token: an HMAC of the application id under <c>Links:SigningKey</c>. Only its
/// SHA-256 is stored; it can be re-derived with the key, which lets an idempotent retry return the first answer.
/// </summary>
public sealed class AccessTokens(IOptions<LinksOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.SigningKey);

    /// <summary>The token for an application.</summary>
    public string Issue(string applicationId) =>
        ActionLinkService.Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("applicant|" + applicationId)));

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
