namespace UmkmCredit.Workflow.Ports;

/// <summary>The claim of one NIK (keyed by <see cref="Intake.ActiveApplicationGuard.KeyOf"/>, never the NIK itself).</summary>
/// <param name="Key">The keyed hash of the NIK.</param>
/// <param name="ApplicationId">The application that holds (or last held) it.</param>
/// <param name="ClaimedAtUtc">When it was taken.</param>
/// <param name="Released">True once that application reached a final state.</param>
/// <param name="ETag">The version a conditional take-over must match.</param>
public sealed record NikClaim(string Key, string ApplicationId, DateTime ClaimedAtUtc, bool Released, string ETag);

/// <summary>One row per NIK naming its active application; taken and released only with conditional writes.</summary>
public interface INikClaims
{
    /// <summary>The claim, or null when the NIK was never claimed.</summary>
    Task<NikClaim?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the claim for <paramref name="applicationId"/>: inserts it when <paramref name="etag"/> is null, else
    /// replaces the version <paramref name="etag"/>. False when another writer got there first.
    /// </summary>
    Task<bool> TryTakeAsync(string key, string applicationId, DateTime nowUtc, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Marks the claim free if <paramref name="applicationId"/> still holds it (no-op otherwise).</summary>
    Task ReleaseAsync(string key, string applicationId, DateTime nowUtc, CancellationToken cancellationToken = default);
}
