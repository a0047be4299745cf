using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Review;

namespace UmkmCredit.Workflow.Configuration;

/// <summary>
/// Validates the data annotations of every nested entry of the people directories (reviewers, supervisors,
/// OPD and bank signers): <c>ValidateDataAnnotations</c> looks only at top-level properties, so a reviewer
/// without an e-mail address would otherwise start the host and fail weeks later in a running workflow.
/// </summary>
public sealed class DirectoryOptionsValidator : IValidateOptions<OpdOptions>, IValidateOptions<BankOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OpdOptions options)
    {
        var errors = new List<string>();
        if (options.Reviewers.Count == 0)
        {
            errors.Add("Opd:Reviewers must configure at least one regency.");
        }

        foreach (var (regency, list) in options.Reviewers)
        {
            if (list.Count == 0)
            {
                errors.Add($"Opd:Reviewers:{regency} lists no reviewer.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                Check(list[i].Reviewer, $"Opd:Reviewers:{regency}:{i}:Reviewer", errors);
                Check(list[i].Supervisor, $"Opd:Reviewers:{regency}:{i}:Supervisor", errors);
                Check(list[i], $"Opd:Reviewers:{regency}:{i}", errors);
                if (list[i].ApprovalLimit is not null
                    && FourEyes.SamePerson(list[i].Reviewer.Id, list[i].Reviewer.Email, list[i].Supervisor.Id, list[i].Supervisor.Email))
                {
                    errors.Add($"Opd:Reviewers:{regency}:{i}: the supervisor must be another person than the reviewer with an ApprovalLimit (four-eyes).");
                }
            }
        }

        foreach (var (regency, signer) in options.Signers)
        {
            Check(signer, $"Opd:Signers:{regency}", errors);
            if (options.Reviewers.TryGetValue(regency, out var reviewers)
                && reviewers.SelectMany(r => new[] { r.Reviewer, r.Supervisor }).Any(a => FourEyes.SamePerson(a.Id, a.Email, signer.Id, signer.Email)))
            {
                errors.Add($"Opd:Signers:{regency}: the OPD official who signs must not be one of the regency's reviewers or supervisors (they approve).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BankOptions options)
    {
        var errors = new List<string>();
        foreach (var (regency, bank) in options.Signers)
        {
            Check(bank, $"Bank:Signers:{regency}", errors);
            Check(bank.Officer, $"Bank:Signers:{regency}:Officer", errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(object entry, string path, List<string> errors)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(entry, new ValidationContext(entry), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => $"{path}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
