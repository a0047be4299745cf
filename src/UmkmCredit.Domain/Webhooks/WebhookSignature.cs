using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UmkmCredit.Domain.Webhooks;

/// <summary>
/// The signature of a webhook delivery: <c>sha256=</c> + lower-case hex of HMAC-SHA256 over
/// <c>timestamp + "." + body</c> (UTF-8) under the subscriber's secret; the timestamp is unix seconds.
/// </summary>
public static class WebhookSignature
{
    /// <summary>Prefix of the header value.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The <c>X-UmkmCredit-Signature</c> value for a body sent at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Timestamp(unixSeconds) + "." + body));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>The <c>X-UmkmCredit-Timestamp</c> value.</summary>
    public static string Timestamp(long unixSeconds) => unixSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// What a receiver does: true when <paramref name="signature"/> is the MAC of this timestamp and body (constant time)
    /// and the timestamp lies within <paramref name="tolerance"/> of <paramref name="nowUnixSeconds"/>.
    /// </summary>
    public static bool Verify(string secret, string timestamp, string body, string signature, long nowUnixSeconds, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret) || body is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sent)
            || Math.Abs(nowUnixSeconds - sent) > (long)tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, sent, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
