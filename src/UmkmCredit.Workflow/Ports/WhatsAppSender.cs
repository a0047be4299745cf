namespace UmkmCredit.Workflow.Ports;

/// <summary>One WhatsApp template message: recipient (E.164 digits, <c>628…</c>), template, language and the body's parameters in order.</summary>
public sealed record WhatsAppTemplateMessage(string To, string Template, string Language, IReadOnlyList<string> BodyParameters);

/// <summary>Outcome of one send: <paramref name="Result"/> is short and safe to log (<c>HTTP 401</c>, <c>timeout</c>, …; never the token).</summary>
public sealed record WhatsAppSendResult(bool Sent, string Result, string? MessageId = null);

/// <summary>Sends template messages through the WhatsApp Business Cloud API. Reports failures as a result instead of throwing.</summary>
public interface IWhatsAppSender
{
    /// <summary>Sends one message.</summary>
    Task<WhatsAppSendResult> SendAsync(WhatsAppTemplateMessage message, CancellationToken cancellationToken = default);
}
