using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Links;

/// <summary>State of an action link.</summary>
public enum LinkStatus
{
    /// <summary>Waiting for its actor.</summary>
    Pending,

    /// <summary>Its action was taken (exactly once).</summary>
    Used,

    /// <summary>Replaced by escalation or reassignment.</summary>
    Superseded,

    /// <summary>The application reached a state where the action no longer applies.</summary>
    Closed,
}

/// <summary>
/// A one-time action link (review or signing) as stored in the <c>actionlinks</c> table. A used link keeps the
/// accepted decision or signature (<see cref="Outcome"/>, the signal as JSON) and whether it reached the
/// orchestration (<see cref="Delivered"/>), written in the same conditional update that marks it used.
/// </summary>
public sealed record ActionLink(
    string ApplicationId,
    string LinkId,
    string Role,
    string ActorId,
    string ActorName,
    string ActorEmail,
    DateTime ExpiresAtUtc,
    LinkStatus Status,
    DateTime CreatedAtUtc,
    DateTime? UsedAtUtc = null,
    string? Outcome = null,
    bool Delivered = true);

/// <summary>Storage of action links with optimistic concurrency.</summary>
public interface ILinkStore
{
    /// <summary>Stores a new link (idempotent for the same id).</summary>
    Task CreateAsync(ActionLink link, CancellationToken cancellationToken = default);

    /// <summary>A link with its ETag, or null.</summary>
    Task<(ActionLink Link, string ETag)?> GetAsync(string applicationId, string linkId, CancellationToken cancellationToken = default);

    /// <summary>Moves a link from <see cref="LinkStatus.Pending"/> to <paramref name="to"/>; false if someone else moved it first.</summary>
    Task<bool> TryCompleteAsync(string applicationId, string linkId, LinkStatus to, DateTime atUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a link from <see cref="LinkStatus.Pending"/> to <see cref="LinkStatus.Used"/> and stores
    /// <paramref name="outcome"/> (not yet delivered) in the same ETag-conditional write; false if someone else moved it first.
    /// </summary>
    Task<bool> TryUseAsync(string applicationId, string linkId, string outcome, DateTime atUtc, CancellationToken cancellationToken = default);

    /// <summary>Records that the stored outcome reached the orchestration.</summary>
    Task MarkDeliveredAsync(string applicationId, string linkId, CancellationToken cancellationToken = default);

    /// <summary>Used links whose outcome was accepted before <paramref name="usedBeforeUtc"/> and not delivered yet.</summary>
    Task<IReadOnlyList<ActionLink>> ListUndeliveredAsync(DateTime usedBeforeUtc, CancellationToken cancellationToken = default);

    /// <summary>Every link of an application.</summary>
    Task<IReadOnlyList<ActionLink>> ListAsync(string applicationId, CancellationToken cancellationToken = default);
}

/// <summary>What a presented token resolves to.</summary>
public enum LinkCheck
{
    /// <summary>Valid and pending.</summary>
    Valid,

    /// <summary>Unknown or tampered (404; never say which).</summary>
    NotFound,

    /// <summary>Past its deadline (410).</summary>
    Expired,

    /// <summary>Already used (409).</summary>
    Used,

    /// <summary>Superseded by escalation or reassignment, or closed (409).</summary>
    Superseded,
}

/// <summary>
/// Issues and checks our own action-link tokens: <c>{applicationId}.{linkId}.{expiry}.{mac}</c>, where the
/// HMAC-SHA256 (key <c>Links:SigningKey</c>) covers application, role, actor, expiry and the link id (the nonce).
/// New tokens are signed with the current key; a presented token verifies under any key of the ring
/// (<c>Links:PreviousSigningKeys</c>), so a rotation does not void open links.
/// Durable's management URLs are never exposed: they carry the system key.
/// </summary>
public sealed class ActionLinkService(IOptions<LinksOptions> options, ILinkStore store, TimeProvider time)
{
    private readonly SigningKeyRing _ring = SigningKeyRing.From(options.Value);

    /// <summary>Creates and stores a link; returns it and its token.</summary>
    public async Task<(ActionLink Link, string Token)> IssueAsync(
        string applicationId, string linkId, string role, string actorId, string actorName, string actorEmail,
        DateTime expiresAtUtc, CancellationToken cancellationToken = default)
    {
        var link = new ActionLink(applicationId, linkId, role, actorId, actorName, actorEmail,
            DateTime.SpecifyKind(expiresAtUtc, DateTimeKind.Utc), LinkStatus.Pending, time.GetUtcNow().UtcDateTime);
        await store.CreateAsync(link, cancellationToken).ConfigureAwait(false);
        return (link, TokenFor(link));
    }

    /// <summary>The token of an existing link (for reminders).</summary>
    public string TokenFor(ActionLink link)
    {
        var expiry = new DateTimeOffset(DateTime.SpecifyKind(link.ExpiresAtUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
        return $"{link.ApplicationId}.{link.LinkId}.{expiry}.{Mac(link, expiry, _ring.Current)}";
    }

    /// <summary>Resolves a token to its link and what may be done with it.</summary>
    public async Task<(LinkCheck Check, ActionLink? Link)> CheckAsync(string? token, string expectedRole, CancellationToken cancellationToken = default)
    {
        var parts = (token ?? string.Empty).Split('.');
        if (parts.Length != 4 || parts[0].Length is 0 or > 64 || parts[1].Length is 0 or > 64
            || !long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expiry)
            || !IsUrlSafe(parts[0]) || !IsUrlSafe(parts[1]))
        {
            return (LinkCheck.NotFound, null);
        }

        var found = await store.GetAsync(parts[0], parts[1], cancellationToken).ConfigureAwait(false);
        if (found is not { } entry || entry.Link.Role != expectedRole)
        {
            return (LinkCheck.NotFound, null);
        }

        var link = entry.Link;
        var presented = Encoding.ASCII.GetBytes(parts[3]);
        var storedExpiry = new DateTimeOffset(DateTime.SpecifyKind(link.ExpiresAtUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
        var signed = false;
        foreach (var key in _ring.Keys)
        {
            signed |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(link, expiry, key)), presented);
        }

        if (!signed || storedExpiry != expiry)
        {
            return (LinkCheck.NotFound, null);
        }

        return link.Status switch
        {
            LinkStatus.Used => (LinkCheck.Used, link),
            LinkStatus.Superseded or LinkStatus.Closed => (LinkCheck.Superseded, link),
            _ when time.GetUtcNow().UtcDateTime > link.ExpiresAtUtc => (LinkCheck.Expired, link),
            _ => (LinkCheck.Valid, link),
        };
    }

    private static string Mac(ActionLink link, long expiry, SigningKey key)
    {
        var data = Encoding.UTF8.GetBytes($"{link.ApplicationId}|{link.Role}|{link.ActorId}|{expiry}|{link.LinkId}");
        return Base64Url(HMACSHA256.HashData(key.Material, data));
    }

    private static bool IsUrlSafe(string s) => s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
