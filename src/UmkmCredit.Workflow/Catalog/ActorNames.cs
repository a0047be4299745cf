using UmkmCredit.Workflow.Agreements;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Catalog;

/// <summary>
/// The names people see for the actor ids the audit stores (<c>applicant</c>, <c>admin</c>, <c>system</c>, an OPD
/// reviewer's or a signer's id): the certificate of completion and the admin console show these, never the ids.
/// </summary>
public static class ActorNames
{
    /// <summary>The display names of every actor of an application: its applicant, its signers and the configured reviewers.</summary>
    public static IReadOnlyDictionary<string, string> For(StoredApplication stored, Signers signers, OpdOptions opd)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AuditActors.Applicant] = "Pemohon: " + stored.Application.Applicant.FullName,
            [AuditActors.Admin] = "Admin program",
            [AuditActors.System] = "Sistem UmkmCredit",
        };
        foreach (var reviewer in opd.Reviewers.Values.SelectMany(l => l).SelectMany(r => new[] { r.Reviewer, r.Supervisor }))
        {
            names.TryAdd(reviewer.Id, "Penilai OPD: " + reviewer.Name);
        }

        foreach (var role in WorkflowNames.SignerRoles.All)
        {
            try
            {
                var signer = signers.Resolve(role, stored);
                if (role != WorkflowNames.SignerRoles.Applicant)
                {
                    names[signer.ActorId] = Labels.SignerRole(role) + ": " + signer.Name;
                }
            }
            catch (InvalidOperationException)
            {
                // A regency without that signer configured: its id stays as it is.
            }
        }

        return names;
    }

    /// <summary>The display name of one actor (the id itself only when nothing is known about it).</summary>
    public static string Display(string actor, IReadOnlyDictionary<string, string> names) => names.TryGetValue(actor, out var name) ? name : actor;
}
