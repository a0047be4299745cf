using System.Net;
using System.Text.RegularExpressions;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Secrets;

/// <summary>
/// A key rotation on the real server and engine (Azurite, one task hub across three server lifetimes): a review
/// link mailed under the old key is refused once the key changes, and works again — decision included — when
/// the old key is listed in <c>Links:PreviousSigningKeys</c>; mails sent after the rotation still carry the
/// applicant's original access token.
/// </summary>
public sealed partial class KeyRotationTests : IAsyncLifetime
{
    private const string OldKey = "rotation-old-signing-key-0123456789abcdef0123";
    private const string NewKey = "rotation-new-signing-key-fedcba9876543210fedc";
    private readonly string _hub = "rot" + Guid.NewGuid().ToString("N")[..10];
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private Task<ServerInstance> StartAsync(string signingKey, string? previousKeys) =>
        ServerInstance.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Durable:TaskHub"] = _hub,
            ["Links:SigningKey"] = signingKey,
            ["Links:PreviousSigningKeys"] = previousKeys,
        });

    [Fact]
    public async Task A_link_issued_under_the_old_key_keeps_working_while_that_key_is_a_previous_key()
    {
        Submitted app;
        string reviewToken;
        await using (var before = await StartAsync(OldKey, previousKeys: null))
        {
            app = await before.SubmitAsync(Samples.CompleteSubmission("rotation@example.id"));
            await before.WaitForStatusAsync(app, "InReview");
            reviewToken = await before.ReviewTokenAsync(app.Id);
            using var page = await before.Http.GetAsync(new Uri($"/api/review/{reviewToken}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Rotated without keeping the old key: the mailed link is void (404, as for any forged token).
        await using (var rotatedOnly = await StartAsync(NewKey, previousKeys: null))
        {
            using var page = await rotatedOnly.Http.GetAsync(new Uri($"/api/review/{reviewToken}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        // Rotated with the old key in the ring: the same link opens and decides.
        await using var rotated = await StartAsync(NewKey, previousKeys: OldKey);
        using (var page = await rotated.Http.GetAsync(new Uri($"/api/review/{reviewToken}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var decided = await rotated.DecideAsync(reviewToken, new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        await rotated.WaitForStatusAsync(app, "AwaitingSignatures");

        // The approval mail was written after the rotation; its status link is the applicant's original token.
        var mail = await rotated.Outbox.WaitForAsync(m =>
            m.To.Mailboxes.Any(b => b.Address == "rotation@example.id") && (m.Subject ?? string.Empty).Contains("Disetujui", StringComparison.Ordinal));
        var statusLink = StatusLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(statusLink.Success, mail.TextBody);
        Assert.Equal(app.Id, statusLink.Groups["id"].Value);
        Assert.Equal(app.Token, statusLink.Groups["token"].Value);
    }

    [GeneratedRegex(@"/api/applications/(?<id>[A-Za-z0-9]+)\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex StatusLink();
}
