using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Workflow.UseCases;

/// <summary>Why a command did not do what was asked. The hosts map each kind to one status code.</summary>
public enum FailureKind
{
    /// <summary>The input breaks a rule (400).</summary>
    Invalid,

    /// <summary>Credentials are missing (401).</summary>
    Unauthorized,

    /// <summary>The credentials are known but do not allow this (403), e.g. a wrong one-time code.</summary>
    Forbidden,

    /// <summary>Unknown, tampered or foreign (404; never say which).</summary>
    NotFound,

    /// <summary>The state does not allow it, or it already happened (409).</summary>
    Conflict,

    /// <summary>Too late: the deadline passed (410).</summary>
    Gone,

    /// <summary>The body is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>The body's type is not accepted (415).</summary>
    Unsupported,

    /// <summary>Too many attempts (429).</summary>
    TooMany,

    /// <summary>Storage or the engine does not answer (503).</summary>
    Unavailable,
}

/// <summary>A failure as a value: kind, a title and a detail in Indonesian, and the field errors of an invalid input.</summary>
public sealed record Failure(FailureKind Kind, string Title, string Detail, IReadOnlyList<ValidationError>? Errors = null)
{
    /// <summary>How long the caller should wait before trying again (<c>Retry-After</c>), when known.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>404 that never says whether the id, the token or both were wrong.</summary>
    public static Failure NotFound() => new(FailureKind.NotFound, "Tidak ditemukan", "Data tidak ditemukan atau tautan tidak berlaku.");

    /// <summary>401 when the access token is missing.</summary>
    public static Failure Unauthorized() => new(FailureKind.Unauthorized, "Perlu autentikasi", "Sertakan token akses Anda (Authorization: Bearer … atau ?token=).");

    /// <summary>409 with a reason.</summary>
    public static Failure Conflict(string detail) => new(FailureKind.Conflict, "Tidak dapat diproses", detail);

    /// <summary>410 with a reason.</summary>
    public static Failure Gone(string detail) => new(FailureKind.Gone, "Batas waktu terlewati", detail);

    /// <summary>403 with a title and a reason.</summary>
    public static Failure Forbidden(string title, string detail) => new(FailureKind.Forbidden, title, detail);

    /// <summary>429 with a title and a reason.</summary>
    public static Failure TooMany(string title, string detail) => new(FailureKind.TooMany, title, detail);

    /// <summary>429 with a title, a reason and how long to wait.</summary>
    public static Failure TooMany(string title, string detail, TimeSpan retryAfter) => new(FailureKind.TooMany, title, detail) { RetryAfter = retryAfter };

    /// <summary>413.</summary>
    public static Failure TooLarge(string detail) => new(FailureKind.TooLarge, "Data terlalu besar", detail);

    /// <summary>415.</summary>
    public static Failure Unsupported(string detail) => new(FailureKind.Unsupported, "Jenis berkas tidak didukung", detail);

    /// <summary>503.</summary>
    public static Failure Unavailable(string detail) => new(FailureKind.Unavailable, "Layanan sedang tidak tersedia", detail);

    /// <summary>400 with every broken rule.</summary>
    public static Failure Invalid(IReadOnlyList<ValidationError> errors) =>
        new(FailureKind.Invalid, "Data tidak valid", "Periksa kembali isian yang ditandai.", errors);

    /// <summary>400 for one field.</summary>
    public static Failure Field(string path, string code, string message) => Invalid([new ValidationError(path, code, message)]);
}

/// <summary>The outcome of a command: a value or a <see cref="Failure"/>.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The value (set when <see cref="Failure"/> is null).</summary>
    public T? Value { get; }

    /// <summary>The failure, or null on success.</summary>
    public Failure? Failure { get; }

    /// <summary>True on success.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>A success.</summary>
    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static implicit operator Result<T>(Failure failure) => new(default, failure);

    /// <summary>A success (also for values the implicit conversion cannot take, such as null or interfaces).</summary>
    public static Result<T> From(T value) => new(value, null);

    /// <summary>Deconstructs into value and failure.</summary>
    public void Deconstruct(out T? value, out Failure? failure)
    {
        value = Value;
        failure = Failure;
    }
}
