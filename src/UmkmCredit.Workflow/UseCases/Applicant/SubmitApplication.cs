using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>What an applicant submits: the form as typed, the documents, and an optional idempotency key.</summary>
/// <param name="Form">The application as bound from JSON or a page form.</param>
/// <param name="Documents">Documents sent with it (already checked by size and magic bytes).</param>
/// <param name="IdempotencyKey">The client's key, so a retried post never makes a second application.</param>
/// <param name="BodyHash">SHA-256 of what was sent, to tell a retry from a different body under the same key.</param>
/// <param name="BindingErrors">Problems found while reading the request (a page form's unreadable number, a file too large or of
/// the wrong type): reported together with the form's own errors, and nothing is stored while there are any.</param>
public sealed record SubmitApplicationCommand(ApplicationForm? Form, IReadOnlyList<UploadedDocument> Documents, string? IdempotencyKey, string BodyHash,
    IReadOnlyList<ValidationError>? BindingErrors = null);

/// <summary>Submits an application: validate, store, start its workflow.</summary>
public sealed class SubmitApplication(ApplicationIntake intake, SchemeCatalog schemes, ISubmissionThrottle throttle, TimeProvider time, ILogger<SubmitApplication> logger)
{
    /// <summary>Longest idempotency key.</summary>
    public const int MaxIdempotencyKey = 200;

    /// <summary>Runs the command.</summary>
    public async Task<Result<SubmissionResult>> ExecuteAsync(SubmitApplicationCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var outcome = ApplicationValidator.Validate(command.Form, Wita.TodayFromUtc(time.GetUtcNow().UtcDateTime), schemes);
        if (!outcome.IsValid || command.BindingErrors is { Count: > 0 })
        {
            var bound = command.BindingErrors ?? [];
            return Failure.Invalid([.. bound, .. outcome.Errors.Where(e => !bound.Any(b => b.Path == e.Path))]);
        }

        if (command.IdempotencyKey is { Length: > MaxIdempotencyKey })
        {
            return Failure.Field("Idempotency-Key", "idempotencyKey.length", $"Idempotency-Key paling panjang {MaxIdempotencyKey} karakter.");
        }

        if (throttle.TryAcquire(outcome.Application!.Applicant.Nik) is { } wait)
        {
            return Failure.TooMany("Terlalu banyak permohonan", "Terlalu banyak permohonan dengan NIK ini dalam waktu singkat. Coba lagi nanti.", wait);
        }

        var key = string.IsNullOrEmpty(command.IdempotencyKey) ? null : command.IdempotencyKey;
        var result = await intake.SubmitAsync(outcome.Application!, command.Documents, key, command.BodyHash, caller.Durable, caller.Ip, caller.UserAgent, cancellationToken).ConfigureAwait(false);
        if (result.Conflict)
        {
            return Failure.Conflict("Idempotency-Key ini sudah dipakai untuk permohonan dengan isi yang berbeda.");
        }

        if (result.ActiveApplication)
        {
            var message = Domain.Governance.ActiveApplicationRule.Message(result.Reference);
            return new Failure(FailureKind.Conflict, "Masih ada permohonan aktif", message,
                [new ValidationError("applicant.nik", Domain.Governance.ActiveApplicationRule.Code, message)]);
        }

        Log.ApplicationSubmitted(logger, result.ApplicationId, command.Documents.Count);
        return result;
    }
}
