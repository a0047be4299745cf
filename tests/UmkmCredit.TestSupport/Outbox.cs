using System.Text.RegularExpressions;
using MimeKit;

namespace UmkmCredit.TestSupport;

/// <summary>Reads the RFC 5322 pickup directory the server writes to.</summary>
public sealed partial class Outbox(string directory)
{
    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Every message so far.</summary>
    public IReadOnlyList<MimeMessage> All()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f)).ToList();
    }

    /// <summary>Messages to an address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until a message matching the predicate exists.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = All().FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No matching message arrived. Subjects so far: " + string.Join(" | ", All().Select(m => m.Subject)));
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>The review token in a message's text.</summary>
    public static string ReviewToken(MimeMessage message) =>
        ReviewLink().Match(message.TextBody ?? string.Empty) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No review link in: " + message.TextBody);

    [GeneratedRegex(@"/api/review/([A-Za-z0-9._-]+)")]
    private static partial Regex ReviewLink();
}
