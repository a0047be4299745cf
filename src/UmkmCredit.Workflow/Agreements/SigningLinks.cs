using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Links;
using UmkmCredit.Workflow.Notifications;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Agreements;

/// <summary>Mails signing links (new and reminders).</summary>
public sealed class SigningLinks(ActionLinkService links, ILinkStore store, INotifier notifier, IAgreementArchive archive, IOptions<LinksOptions> linkOptions)
{
    /// <summary>Mails the link of a signer.</summary>
    public async Task SendAsync(string applicationId, string linkId, string kind, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(applicationId, linkId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Signing link {linkId} of {applicationId} does not exist.");
        var link = found.Link;
        var number = await NumberAsync(applicationId, cancellationToken).ConfigureAwait(false);
        await notifier.SendAsync(Messages.SigningRequest(link.ActorEmail, link.ActorName, Signers.RoleLabel(Signers.RoleOf(link.LinkId)), number,
            link.ExpiresAtUtc, linkOptions.Value.Absolute($"sign/{links.TokenFor(link)}"), kind), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The agreement number of an application (from the stored model).</summary>
    public async Task<string> NumberAsync(string applicationId, CancellationToken cancellationToken)
    {
        var json = await archive.GetModelAsync(applicationId, cancellationToken).ConfigureAwait(false);
        return json is null ? applicationId : System.Text.Json.JsonSerializer.Deserialize<Documents.Agreements.AgreementModel>(json, AgreementComposer.Json)!.Number;
    }
}
