using System.Security.Cryptography;
using System.Text;

namespace UmkmCredit.Domain.Webhooks;

/// <summary>
/// Event ids are derived, never drawn: the same application, type and occurrence key always give the same id, so
/// an activity that runs twice (replay, crash, retry) records one event, and receivers can dedupe on the id.
/// </summary>
public static class WebhookEventId
{
    /// <summary>32 lower-case hex characters (a GUID's width) from SHA-256 of application, type and key.</summary>
    public static string For(string applicationId, string type, string occurrenceKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{applicationId}\n{type}\n{occurrenceKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A short stable key of a subscriber's URL (12 hex), used in delivery ids and instance ids.</summary>
    public static string SubscriberKey(string url) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)).AsSpan(0, 6));
}
