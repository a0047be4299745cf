using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Workflow.Ports;

/// <summary>An application as stored in <c>applications/{id}/application.json</c>.</summary>
public sealed record StoredApplication(
    string ApplicationId,
    int Version,
    DateTime SubmittedAtUtc,
    CreditApplication Application,
    string AccessTokenHash,
    string? Reference = null);

/// <summary>A stored document's description (no bytes).</summary>
public sealed record StoredDocument(string Kind, string ContentType, long Size, string Sha256);

/// <summary>Blob storage of applications (JSON) and their versions.</summary>
public interface IApplicationRepository
{
    /// <summary>Writes version 1 unless it exists; returns false when it already existed.</summary>
    Task<bool> TryCreateAsync(StoredApplication application, CancellationToken cancellationToken = default);

    /// <summary>Writes a later version (<c>v{n}.json</c>) and makes it current.</summary>
    Task SaveRevisionAsync(StoredApplication application, CancellationToken cancellationToken = default);

    /// <summary>The current version, or null.</summary>
    Task<StoredApplication?> GetAsync(string applicationId, CancellationToken cancellationToken = default);
}

/// <summary>Blob storage of uploaded documents, SHA-256 in metadata.</summary>
public interface IDocumentRepository
{
    /// <summary>Stores (or replaces) a document.</summary>
    Task<StoredDocument> PutAsync(string applicationId, string kind, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Lists an application's documents.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>Reads a document, or null.</summary>
    Task<(StoredDocument Info, byte[] Content)?> GetAsync(string applicationId, string kind, CancellationToken cancellationToken = default);
}

/// <summary>One line of <c>audit/{id}.jsonl</c>.</summary>
public sealed record AuditEntry(DateTime AtUtc, string Event, string Actor, string? Detail = null, string? Ip = null, string? UserAgent = null, string? DocumentSha256 = null);

/// <summary>Append-only audit trail per application.</summary>
public interface IAuditTrail
{
    /// <summary>Appends one event.</summary>
    Task AppendAsync(string applicationId, AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads every event in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string applicationId, CancellationToken cancellationToken = default);
}

/// <summary>A row of the <c>applicationindex</c> read model.</summary>
public sealed record IndexEntry(
    string ApplicationId,
    ApplicationStatus Status,
    string RegencyCode,
    string ApplicantName,
    long Amount,
    DateTime SubmittedAtUtc,
    DateTime UpdatedAtUtc,
    DateTime? DeadlineUtc,
    int Sequence,
    string? ReminderSentFor = null);

/// <summary>Filter of the admin list.</summary>
public sealed record IndexQuery(ApplicationStatus? Status, string? RegencyCode, bool OverdueOnly, DateTime NowUtc, string? ContinuationToken, int PageSize = 50);

/// <summary>A page of the admin list.</summary>
public sealed record IndexPage(IReadOnlyList<IndexEntry> Items, string? ContinuationToken);

/// <summary>The read model for lists, dashboards and the reminder sweep.</summary>
public interface IApplicationIndex
{
    /// <summary>Inserts or updates a row, never moving it backwards (older sequence numbers are ignored).</summary>
    Task UpsertAsync(IndexEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Sets the deadline of the pending action without a status change (escalation, reassignment).</summary>
    Task SetDeadlineAsync(string applicationId, DateTime deadlineUtc, CancellationToken cancellationToken = default);

    /// <summary>One row, or null.</summary>
    Task<IndexEntry?> GetAsync(string applicationId, CancellationToken cancellationToken = default);

    /// <summary>A filtered page.</summary>
    Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Outcome of reserving an idempotency key.</summary>
public sealed record IdempotencyRecord(string Key, string BodyHash, string ApplicationId, DateTime CreatedAtUtc);

/// <summary>Idempotency keys of <c>POST /api/applications</c>.</summary>
public interface IIdempotencyStore
{
    /// <summary>Reserves the key for this body and application id, or returns the record that already holds it.</summary>
    Task<(bool Reserved, IdempotencyRecord Record)> ReserveAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default);
}

/// <summary>Whether storage answers (the health route asks; the adapter knows how).</summary>
public interface IStorageHealth
{
    /// <summary>True when storage answers in time.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>A message to one person.</summary>
public sealed record OutgoingMessage(string To, string ToName, string Subject, string TextBody, string HtmlBody);

/// <summary>Sends messages (SMTP or an RFC 5322 pickup directory).</summary>
public interface INotifier
{
    /// <summary>Sends one message.</summary>
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Human references (<c>UMKM-6571-2026-000123</c>): gap-free per regency and year, idempotent per application.</summary>
public interface IApplicationReferences
{
    /// <summary>The application's reference (allocating the next sequence the first time).</summary>
    Task<string> AllocateAsync(string applicationId, string regencyCode, int year, CancellationToken cancellationToken = default);

    /// <summary>The application id of a reference, or null when no application has it.</summary>
    Task<string?> FindAsync(string reference, CancellationToken cancellationToken = default);
}
