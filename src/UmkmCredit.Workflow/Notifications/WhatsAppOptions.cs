using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace UmkmCredit.Workflow.Notifications;

/// <summary>
/// <c>Notifications:WhatsApp:*</c>: the WhatsApp Business Cloud API. With <see cref="ApiUrl"/>, <see cref="PhoneNumberId"/>
/// and <see cref="AccessToken"/> all set, applicants who opted in also get their status messages by WhatsApp.
/// </summary>
public sealed class WhatsAppOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Notifications:WhatsApp";

    /// <summary>Base URL of the Graph API including its version, e.g. <c>https://graph.facebook.com/v21.0</c>.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>The sending business number's id in WhatsApp Business.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>Bearer token (a secret: never logged, never in an error message).</summary>
    public string? AccessToken { get; set; }

    /// <summary>Approved template of status changes; body parameters: name, reference, status, status link.</summary>
    public string StatusTemplate { get; set; } = "status_permohonan";

    /// <summary>Language code of the templates.</summary>
    public string LanguageCode { get; set; } = "id";

    /// <summary>Time allowed for one request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All three connection settings are set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ApiUrl) && !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);

    /// <summary>The messages endpoint, <c>{ApiUrl}/{PhoneNumberId}/messages</c>.</summary>
    public Uri MessagesUri => new($"{ApiUrl!.TrimEnd('/')}/{Uri.EscapeDataString(PhoneNumberId!)}/messages", UriKind.Absolute);
}

/// <summary>Checks <see cref="WhatsAppOptions"/> at start: all three connection settings or none, and their formats. Never echoes the token.</summary>
public sealed partial class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        var set = new[] { ("ApiUrl", options.ApiUrl), ("PhoneNumberId", options.PhoneNumberId), ("AccessToken", options.AccessToken) };
        var missing = set.Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => "Notifications:WhatsApp:" + s.Item1).ToList();
        if (missing.Count == set.Length)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (missing.Count > 0)
        {
            errors.Add("WhatsApp is configured only in part: set ApiUrl, PhoneNumberId and AccessToken together, or none. Missing: " + string.Join(", ", missing) + ".");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiUrl)
            && (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.Query)))
        {
            errors.Add("Notifications:WhatsApp:ApiUrl must be an absolute http(s) URL without a query.");
        }

        if (!string.IsNullOrWhiteSpace(options.PhoneNumberId) && !IdPattern().IsMatch(options.PhoneNumberId))
        {
            errors.Add("Notifications:WhatsApp:PhoneNumberId must be letters, digits, '-' or '_'.");
        }

        if (!TemplatePattern().IsMatch(options.StatusTemplate ?? string.Empty))
        {
            errors.Add("Notifications:WhatsApp:StatusTemplate must be a template name (lower-case letters, digits, '_').");
        }

        if (string.IsNullOrWhiteSpace(options.LanguageCode))
        {
            errors.Add("Notifications:WhatsApp:LanguageCode is required.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            errors.Add("Notifications:WhatsApp:Timeout must be between 0 and 2 minutes.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplatePattern();
}
