using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.UseCases.Applicant;

/// <summary>"Lupa tautan?": the reference, NIK and birth date as typed.</summary>
public sealed record LookupApplicationCommand(string? Reference, string? Nik, string? BirthDate);

/// <summary>
/// Sends the status link to the e-mail address on file when reference, NIK and birth date all match. The answer
/// never says whether they matched (only blank fields are reported, which reveals nothing).
/// </summary>
public sealed class LookupApplication(IApplicationReferences references, IApplicationRepository applications, INotifier notifier, AccessTokens tokens, IOptions<LinksOptions> links)
{
    /// <summary>Runs the command; true once the request was handled (matched or not).</summary>
    public async Task<Result<bool>> ExecuteAsync(LookupApplicationCommand command, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(command.Reference))
        {
            errors.Add(new ValidationError("reference", "required", "Isi nomor permohonan (misalnya UMKM-6571-2026-000123)."));
        }

        if (string.IsNullOrWhiteSpace(command.Nik))
        {
            errors.Add(new ValidationError("nik", "required", "Isi NIK sesuai KTP."));
        }

        if (string.IsNullOrWhiteSpace(command.BirthDate))
        {
            errors.Add(new ValidationError("birthDate", "required", "Isi tanggal lahir."));
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var id = await references.FindAsync(command.Reference!, cancellationToken).ConfigureAwait(false);
        var stored = id is null ? null : await applications.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is not null
            && Same(stored.Application.Applicant.Nik, command.Nik!.Trim())
            && Same(stored.Application.Applicant.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), command.BirthDate!.Trim()))
        {
            var applicant = stored.Application.Applicant;
            var url = links.Value.Absolute($"applications/{stored.ApplicationId}?token={tokens.Issue(stored.ApplicationId, stored.AccessTokenHash)}");
            await notifier.SendAsync(Messages.StatusLink(applicant.Email, applicant.FullName, stored.Reference ?? command.Reference!.Trim(), url), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static bool Same(string stored, string typed) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(stored)), SHA256.HashData(Encoding.UTF8.GetBytes(typed)));
}
