namespace UmkmCredit.Workflow.Agreements;

/// <summary>What the verification page tells about a signed agreement.</summary>
public sealed record SignedAgreementInfo(string ApplicationId, string Number, string Sha256, DateTime SignedAtUtc, IReadOnlyList<SignedParty> Parties);

/// <summary>A party of a signed agreement.</summary>
public sealed record SignedParty(string Role, string Name);

/// <summary>Blob archive of agreements: <c>agreements/{id}/draft.pdf</c>, <c>signed.pdf</c> (metadata <c>sha256</c>) and the model.</summary>
public interface IAgreementArchive
{
    /// <summary>Stores the agreement model (JSON) the PDFs are rendered from.</summary>
    Task SaveModelAsync(string applicationId, string modelJson, CancellationToken cancellationToken = default);

    /// <summary>The stored model JSON, or null.</summary>
    Task<string?> GetModelAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>Stores a PDF (<c>draft</c> or <c>signed</c>) with its SHA-256 in metadata; returns the hash.</summary>
    Task<string> SavePdfAsync(string applicationId, string name, byte[] pdf, CancellationToken cancellationToken = default);

    /// <summary>A stored PDF and its hash, or null.</summary>
    Task<(byte[] Pdf, string Sha256)?> GetPdfAsync(string applicationId, string name, CancellationToken cancellationToken = default);

    /// <summary>The hash of a stored PDF without downloading it, or null.</summary>
    Task<string?> GetPdfHashAsync(string applicationId, string name, CancellationToken cancellationToken = default);

    /// <summary>Records a signed agreement for verification (by id and by hash).</summary>
    Task RecordSignedAsync(SignedAgreementInfo info, CancellationToken cancellationToken = default);

    /// <summary>The signed agreement of an application, or null.</summary>
    Task<SignedAgreementInfo?> FindSignedAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>The signed agreement with this SHA-256, or null.</summary>
    Task<SignedAgreementInfo?> FindBySha256Async(string sha256, CancellationToken cancellationToken = default);
}

/// <summary>Gap-free agreement numbers per regency per year, safe under concurrency, idempotent per application.</summary>
public interface IAgreementNumbers
{
    /// <summary>The application's sequence number (allocating the next one the first time).</summary>
    Task<int> AllocateAsync(string applicationId, string regencyCode, int year, CancellationToken cancellationToken = default);
}

/// <summary>State of a signer's one-time code.</summary>
public sealed record OtpState(string CodeHash, DateTime ExpiresAtUtc, int Failures);

/// <summary>One-time codes per signing link (only hashes are stored).</summary>
public interface IOtpStore
{
    /// <summary>Stores a new code hash (keeps the failure count, so re-sending never unlocks a locked link).</summary>
    Task IssueAsync(string applicationId, string linkId, string codeHash, DateTime expiresAtUtc, CancellationToken cancellationToken = default);

    /// <summary>The current state, or null.</summary>
    Task<OtpState?> GetAsync(string applicationId, string linkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one code evaluation before the code is compared, atomically (ETag-conditional): returns the new count,
    /// or null when <paramref name="maxAttempts"/> were already counted — so however many guesses arrive at once,
    /// at most that many are ever compared. A correct code uses the link, so the count only matters for wrong ones.
    /// </summary>
    Task<int?> TryCountAttemptAsync(string applicationId, string linkId, int maxAttempts, CancellationToken cancellationToken = default);
}
