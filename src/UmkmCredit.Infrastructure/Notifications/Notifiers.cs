using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Infrastructure.Notifications;

/// <summary><c>Notifications:*</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Notifications";

    /// <summary>Folder for RFC 5322 <c>.eml</c> files (the local default).</summary>
    public string PickupDirectory { get; set; } = Path.Combine(".data", "outbox");

    /// <summary>SMTP relay; used instead of the pickup directory when <see cref="SmtpOptions.Host"/> is set.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary><c>Notifications:Smtp:*</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>Host name; empty = use the pickup directory.</summary>
    public string? Host { get; set; }

    /// <summary>Port.</summary>
    public int Port { get; set; } = 25;

    /// <summary>User (optional).</summary>
    public string? User { get; set; }

    /// <summary>Password (optional).</summary>
    public string? Password { get; set; }

    /// <summary>Sender address.</summary>
    public string From { get; set; } = "UmkmCredit <noreply@umkmcredit.kaltaraprov.go.id>";

    /// <summary>
    /// TLS: <c>Auto</c> (default), <c>StartTls</c> (required, e.g. Azure Communication Services on
    /// <c>smtp.azurecomm.net:587</c>), <c>SslOnConnect</c> (port 465) or <c>None</c>.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
}

/// <summary>Builds the MIME message (plain text + HTML alternative).</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(OutgoingMessage message, string from, DateTimeOffset now)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(new MailboxAddress(message.ToName, message.To));
        mime.Subject = message.Subject;
        mime.Date = now;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes one <c>.eml</c> per message into the pickup directory (atomically: temp file, then rename).</summary>
public sealed partial class PickupDirectoryNotifier(IOptions<NotificationOptions> options, TimeProvider time, ILogger<PickupDirectoryNotifier> logger) : INotifier
{
    /// <inheritdoc />
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var now = time.GetUtcNow();
        var mime = MimeMessages.Build(message, options.Value.Smtp.From, now);
        var name = $"{now:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var temp = Path.Combine(directory, name + ".tmp");
        await mime.WriteToAsync(temp, cancellationToken).ConfigureAwait(false);
        File.Move(temp, Path.Combine(directory, name + ".eml"));
        LogWritten(logger, message.Subject);
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Message written to the pickup directory: {Subject}")]
    private static partial void LogWritten(ILogger logger, string subject);
}

/// <summary>Sends through an SMTP relay with MailKit.</summary>
public sealed partial class SmtpNotifier(IOptions<NotificationOptions> options, TimeProvider time, ILogger<SmtpNotifier> logger) : INotifier
{
    /// <inheritdoc />
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, smtp.Security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(MimeMessages.Build(message, smtp.From, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        LogSent(logger, message.Subject, smtp.Host ?? string.Empty);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Message sent through {Host}: {Subject}")]
    private static partial void LogSent(ILogger logger, string subject, string host);
}
