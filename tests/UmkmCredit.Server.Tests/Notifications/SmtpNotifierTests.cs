using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using UmkmCredit.Infrastructure.Notifications;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Server.Tests.Notifications;

/// <summary>The SMTP path against a real local SMTP server (Debian's python3-aiosmtpd) started by the test.</summary>
public sealed class SmtpNotifierTests : IAsyncLifetime
{
    private readonly string _mailbox = Path.Combine(Path.GetTempPath(), "umkmcredit-smtp-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = Azurite.FreePort();
    private Process? _server;

    public async Task InitializeAsync()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{_port}", "-c", "aiosmtpd.handlers.Mailbox", _mailbox },
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _server = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", _port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(100);
            }
            catch (System.Net.Sockets.SocketException)
            {
                throw new InvalidOperationException("aiosmtpd did not start (is python3-aiosmtpd installed? scripts/test.sh installs it): "
                    + (_server.HasExited ? await _server.StandardError.ReadToEndAsync() : "timeout"));
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
        }

        _server?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Message_goes_through_smtp_with_text_and_html_parts()
    {
        var options = Options.Create(new NotificationOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _port, From = "UmkmCredit <noreply@example.id>" } });
        var notifier = new SmtpNotifier(options, TimeProvider.System, NullLogger<SmtpNotifier>.Instance);

        await notifier.SendAsync(new OutgoingMessage("siti@example.id", "Siti Aminah", "Status permohonan: Disetujui",
            "Permohonan Anda disetujui.", "<p>Permohonan Anda <b>disetujui</b>.</p>"));

        var files = Directory.Exists(Path.Combine(_mailbox, "new")) ? Directory.GetFiles(Path.Combine(_mailbox, "new")) : [];
        Assert.Single(files);
        var message = MimeMessage.Load(files[0]);
        Assert.Equal("Status permohonan: Disetujui", message.Subject);
        Assert.Equal("siti@example.id", message.To.Mailboxes.Single().Address);
        Assert.Contains("disetujui", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<b>disetujui</b>", message.HtmlBody, StringComparison.Ordinal);
    }
}
