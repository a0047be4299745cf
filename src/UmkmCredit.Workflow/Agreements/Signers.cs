using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Agreements;

/// <summary>A person who signs: their role, identity and how to reach them.</summary>
public sealed record Signer(string Role, string ActorId, string Name, string Email, string? Title, string? Organization)
{
    /// <summary>The role as people read it.</summary>
    public string RoleLabel => Signers.RoleLabel(Role);
}

/// <summary>Resolves signers from the application and <c>Bank:Signers</c> / <c>Opd:Signers</c>.</summary>
public sealed class Signers(IOptions<BankOptions> bank, IOptions<OpdOptions> opd)
{
    /// <summary>Link role of signing links.</summary>
    public const string LinkRole = WorkflowNames.LinkRoles.Sign;

    /// <summary>The role label.</summary>
    public static string RoleLabel(string role) => role switch
    {
        WorkflowNames.SignerRoles.Applicant => "debitur (pemohon)",
        WorkflowNames.SignerRoles.Bank => "pejabat bank",
        WorkflowNames.SignerRoles.Opd => "pejabat OPD",
        _ => role,
    };

    /// <summary>The link id of a role (one signing link per role and application).</summary>
    public static string LinkIdFor(string role) => "sign-" + role;

    /// <summary>The role of a signing link id.</summary>
    public static string RoleOf(string linkId) => linkId.StartsWith("sign-", StringComparison.Ordinal) ? linkId[5..] : linkId;

    /// <summary>The signer of a role for an application.</summary>
    public Signer Resolve(string role, StoredApplication stored)
    {
        var regency = stored.Application.Business.RegencyCode;
        switch (role)
        {
            case WorkflowNames.SignerRoles.Applicant:
                var a = stored.Application.Applicant;
                return new Signer(role, WorkflowNames.SignerRoles.Applicant, a.FullName, a.Email, null, stored.Application.Business.Name);
            case WorkflowNames.SignerRoles.Bank:
                var b = Bank(regency);
                return new Signer(role, b.Officer.Id, b.Officer.Name, b.Officer.Email, b.Officer.Title, b.BankName);
            case WorkflowNames.SignerRoles.Opd:
                var o = opd.Value.Signers.TryGetValue(regency, out var official) ? official
                    : throw new InvalidOperationException($"No OPD signer is configured for regency {regency}.");
                return new Signer(role, o.Id, o.Name, o.Email, o.Title, o.Organization);
            default:
                throw new InvalidOperationException($"Unknown signer role {role}.");
        }
    }

    /// <summary>The bank of a regency.</summary>
    public BankSignerConfig Bank(string regency) =>
        bank.Value.Signers.TryGetValue(regency, out var b) ? b : throw new InvalidOperationException($"No bank signer is configured for regency {regency}.");
}
