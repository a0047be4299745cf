using Microsoft.Extensions.Options;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Links;

namespace UmkmCredit.Workflow.Tests.Links;

/// <summary>The key ring behind action links and access tokens: current key signs, previous keys only verify.</summary>
public sealed class SigningKeyRingTests
{
    private const string OldKey = "ring-old-key-0123456789abcdef0123456789ab";
    private const string NewKey = "ring-new-key-fedcba9876543210fedcba987654";

    private static IOptions<LinksOptions> Options(string current, string? previous = null) =>
        Microsoft.Extensions.Options.Options.Create(new LinksOptions { SigningKey = current, PreviousSigningKeys = previous });

    [Fact]
    public void Ring_is_current_then_previous_in_order_without_duplicates_and_ids_do_not_reveal_keys()
    {
        var ring = SigningKeyRing.From(Options(NewKey, $" {OldKey};\n{NewKey}, other-previous-key-0123456789abcdefgh ").Value);

        Assert.Equal([SigningKeyRing.IdOf(NewKey), SigningKeyRing.IdOf(OldKey), SigningKeyRing.IdOf("other-previous-key-0123456789abcdefgh")], ring.Keys.Select(k => k.Id));
        Assert.Equal(SigningKeyRing.IdOf(NewKey), ring.Current.Id);
        Assert.All(ring.Keys, k => Assert.Matches("^[0-9a-f]{8}$", k.Id));
        Assert.NotEqual(SigningKeyRing.IdOf(NewKey), SigningKeyRing.IdOf(OldKey));
        Assert.DoesNotContain(ring.Current.Id, NewKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Previous_list_parses_commas_semicolons_and_white_space()
    {
        Assert.Empty(SigningKeyRing.ParseList(null));
        Assert.Empty(SigningKeyRing.ParseList("  "));
        Assert.Equal(["a", "b", "c", "d"], SigningKeyRing.ParseList("a, b;c\nd"));
    }

    [Fact]
    public void New_access_tokens_use_the_current_key()
    {
        var rotated = new AccessTokens(Options(NewKey, OldKey));

        Assert.Equal(new AccessTokens(Options(NewKey)).Issue("app1"), rotated.Issue("app1"));
        Assert.NotEqual(new AccessTokens(Options(OldKey)).Issue("app1"), rotated.Issue("app1"));
    }

    [Fact]
    public void A_stored_application_gets_back_the_token_its_hash_was_made_from()
    {
        var oldToken = new AccessTokens(Options(OldKey)).Issue("app1");
        var storedHash = AccessTokens.Hash(oldToken);

        Assert.Equal(oldToken, new AccessTokens(Options(NewKey, OldKey)).Issue("app1", storedHash));
        // Without the old key the original token cannot be re-derived: a fresh current-key token is all there is.
        Assert.NotEqual(oldToken, new AccessTokens(Options(NewKey)).Issue("app1", storedHash));
        Assert.True(AccessTokens.Matches(new AccessTokens(Options(NewKey, OldKey)).Issue("app1", storedHash), storedHash));
    }

    [Fact]
    public void New_action_link_tokens_use_the_current_key()
    {
        var link = new ActionLink("app1", "link1", "review", "opd-trk-analis", "Analis", "analis@example.id",
            new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), LinkStatus.Pending, new DateTime(2029, 12, 1, 0, 0, 0, DateTimeKind.Utc));

        string TokenUnder(IOptions<LinksOptions> options) => new ActionLinkService(options, null!, TimeProvider.System).TokenFor(link);

        Assert.Equal(TokenUnder(Options(NewKey)), TokenUnder(Options(NewKey, OldKey)));
        Assert.NotEqual(TokenUnder(Options(OldKey)), TokenUnder(Options(NewKey, OldKey)));
    }
}
