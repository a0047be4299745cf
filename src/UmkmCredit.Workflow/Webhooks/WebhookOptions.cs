using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Webhooks;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Webhooks;

/// <summary><c>Webhooks:*</c>: who is told about events, and how long failed deliveries are retried.</summary>
public sealed class WebhookOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Webhooks";

    /// <summary>Receivers; none configured: nothing is recorded or sent.</summary>
    public List<WebhookSubscriber> Subscribers { get; set; } = [];

    /// <summary>Wait after the first failed attempt; doubles after each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = WebhookRetrySchedule.Default.First;

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = WebhookRetrySchedule.Default.Max;

    /// <summary>How long after its first attempt a delivery is still retried; then it is Failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = WebhookRetrySchedule.Default.GiveUpAfter;

    /// <summary>How long one POST may take (connect, send, answer).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The retry schedule.</summary>
    public WebhookRetrySchedule Schedule => new(FirstRetryDelay, MaxRetryDelay, GiveUpAfter);

    /// <summary>The subscriber with this key (<see cref="WebhookEventId.SubscriberKey"/>), if still configured.</summary>
    public WebhookSubscriber? Find(string subscriberKey) =>
        Subscribers.FirstOrDefault(s => WebhookEventId.SubscriberKey(s.Url) == subscriberKey);
}

/// <summary><c>Webhooks:Subscribers:{i}</c>.</summary>
public sealed class WebhookSubscriber
{
    /// <summary>Absolute http(s) URL the events are POSTed to.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>HMAC key of <c>X-UmkmCredit-Signature</c>.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Types wanted (<see cref="WebhookEventTypes"/>); absent or empty: every type.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Whether this subscriber wants events of <paramref name="type"/>.</summary>
    public bool Wants(string type) => Events.Count == 0 || Events.Contains(type, StringComparer.Ordinal);
}

/// <summary>Checks <see cref="WebhookOptions"/> at start: URLs, secrets, event types and the retry schedule.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <summary>Shortest accepted secret.</summary>
    public const int MinSecretLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        if (options.Schedule.Problem() is { } problem)
        {
            errors.Add(problem);
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Webhooks:Timeout must be between 0 and 5 minutes.");
        }

        for (var i = 0; i < options.Subscribers.Count; i++)
        {
            var s = options.Subscribers[i];
            if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"Webhooks:Subscribers:{i}:Url must be an absolute http(s) URL.");
            }

            if (string.IsNullOrEmpty(s.Secret) || s.Secret.Length < MinSecretLength)
            {
                errors.Add($"Webhooks:Subscribers:{i}:Secret must be at least {MinSecretLength} characters.");
            }

            foreach (var type in s.Events.Where(t => !WebhookEventTypes.All.Contains(t, StringComparer.Ordinal)))
            {
                errors.Add($"Webhooks:Subscribers:{i}:Events: unknown type \"{type}\" (known: {string.Join(", ", WebhookEventTypes.All)}).");
            }
        }

        if (options.Subscribers.Select(s => s.Url).Distinct(StringComparer.Ordinal).Count() != options.Subscribers.Count)
        {
            errors.Add("Webhooks:Subscribers: each Url may appear once.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
