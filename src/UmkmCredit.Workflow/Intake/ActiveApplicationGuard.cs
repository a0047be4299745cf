using System.Security.Cryptography;
using System.Text;
using UmkmCredit.Domain.Governance;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Intake;

/// <summary>The outcome of claiming a NIK: taken, or held by another active application (with its reference when stored).</summary>
public sealed record NikClaimOutcome(bool Taken, string? HolderId = null, string? HolderReference = null);

/// <summary>
/// One active application per NIK, atomic across processes: the NIK's claim row is inserted (or taken over under its
/// ETag) before anything else of the application is written, and marked free when the application reaches a final
/// state. A claim whose application never got stored is taken over after <see cref="ActiveApplicationRule.UnstoredGrace"/>,
/// so a crash between claim and write never blocks the person for ever.
/// </summary>
public sealed class ActiveApplicationGuard(INikClaims claims, IApplicationRepository applications, IApplicationIndex index, TimeProvider time)
{
    private const int MaxAttempts = 8;

    /// <summary>The row key of a NIK: SHA-256 under a fixed label (the NIK never reaches the table).</summary>
    public static string KeyOf(string nik) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("umkmcredit-nik-claim|" + nik)));

    /// <summary>Claims <paramref name="nik"/> for <paramref name="applicationId"/> (idempotent for the same application).</summary>
    public async Task<NikClaimOutcome> ClaimAsync(string nik, string applicationId, CancellationToken cancellationToken)
    {
        var key = KeyOf(nik);

        // Most NIKs have never been claimed: insert first and read only when the row exists (one round trip, not two).
        if (await claims.TryTakeAsync(key, applicationId, time.GetUtcNow().UtcDateTime, null, cancellationToken).ConfigureAwait(false))
        {
            return new NikClaimOutcome(true);
        }

        NikClaim? claim = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            claim = await claims.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            if (claim is null)
            {
                if (await claims.TryTakeAsync(key, applicationId, now, null, cancellationToken).ConfigureAwait(false))
                {
                    return new NikClaimOutcome(true);
                }

                continue; // another submission inserted it first: look at what it holds
            }

            var view = await ViewAsync(claim, cancellationToken).ConfigureAwait(false);
            if (!ActiveApplicationRule.MayTake(view, applicationId, now))
            {
                return new NikClaimOutcome(false, claim.ApplicationId, await ReferenceAsync(claim, cancellationToken).ConfigureAwait(false));
            }

            if (string.Equals(claim.ApplicationId, applicationId, StringComparison.Ordinal) && !claim.Released)
            {
                return new NikClaimOutcome(true); // a retry of this very submission
            }

            if (await claims.TryTakeAsync(key, applicationId, now, claim.ETag, cancellationToken).ConfigureAwait(false))
            {
                return new NikClaimOutcome(true);
            }
        }

        // Still contended after several rounds: someone else keeps winning, so the NIK is busy.
        return new NikClaimOutcome(false, claim?.ApplicationId);
    }

    /// <summary>Frees the claim of a finished application (kept when another application holds it now).</summary>
    public Task ReleaseAsync(string nik, string applicationId, CancellationToken cancellationToken) =>
        claims.ReleaseAsync(KeyOf(nik), applicationId, time.GetUtcNow().UtcDateTime, cancellationToken);

    private async Task<NikClaimView> ViewAsync(NikClaim claim, CancellationToken cancellationToken)
    {
        if (claim.Released)
        {
            return new NikClaimView(claim.ApplicationId, true, claim.ClaimedAtUtc, false, null);
        }

        var stored = await applications.GetAsync(claim.ApplicationId, cancellationToken).ConfigureAwait(false);
        var row = stored is null ? null : await index.GetAsync(claim.ApplicationId, cancellationToken).ConfigureAwait(false);
        return new NikClaimView(claim.ApplicationId, false, claim.ClaimedAtUtc, stored is not null, row?.Status);
    }

    /// <summary>The holder's reference; a holder claimed a moment ago is given up to two seconds to store its application.</summary>
    private async Task<string?> ReferenceAsync(NikClaim claim, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(2);
        while (true)
        {
            if (await applications.GetAsync(claim.ApplicationId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored.Reference;
            }

            if (time.GetUtcNow() >= until)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
