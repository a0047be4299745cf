using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Support;

/// <summary>A signer's steps over HTTP, with the link and the OTP read from the pickup directory.</summary>
public static partial class SigningFlow
{
    /// <summary>The signing token mailed to <paramref name="email"/> for an application.</summary>
    public static async Task<string> SignTokenAsync(this ServerInstance server, string applicationId, string email)
    {
        var message = await server.Outbox.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email)
            && (m.TextBody ?? string.Empty).Contains("/api/sign/", StringComparison.Ordinal)
            && (m.TextBody ?? string.Empty).Contains(applicationId, StringComparison.Ordinal));
        return SignLink().Match(message.TextBody!).Groups[1].Value;
    }

    /// <summary>Requests a code and reads it from the signer's mailbox.</summary>
    public static async Task<string> OtpAsync(this ServerInstance server, string token, string email)
    {
        static bool IsOtp(MimeKit.MimeMessage m) => (m.Subject ?? string.Empty).StartsWith("Kode OTP", StringComparison.Ordinal);
        var before = server.Outbox.To(email).Count(IsOtp);
        using var response = await server.Http.PostAsync(new Uri($"/api/sign/{token}/otp", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await server.Outbox.WaitForAsync(_ => server.Outbox.To(email).Count(IsOtp) > before);
        return OtpCode().Match(server.Outbox.To(email).Last(IsOtp).TextBody!).Groups[1].Value;
    }

    /// <summary>POSTs a signing decision as JSON.</summary>
    public static Task<HttpResponseMessage> SignAsync(this ServerInstance server, string token, object body) =>
        server.Http.PostAsJsonAsync($"/api/sign/{token}", body);

    /// <summary>Requests a code and signs with it.</summary>
    public static async Task SignAsSignerAsync(this ServerInstance server, string token, string email, string name)
    {
        var otp = await server.OtpAsync(token, email);
        using var signed = await server.SignAsync(token, new { decision = "sign", otp, fullName = name, consent = true });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [GeneratedRegex(@"/api/sign/([A-Za-z0-9._-]+)")]
    private static partial Regex SignLink();

    [GeneratedRegex(@"Kode OTP: (\d{6})")]
    private static partial Regex OtpCode();
}
