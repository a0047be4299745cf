using UmkmCredit.Domain.Webhooks;

namespace UmkmCredit.Domain.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-test-0123456789";
    private const string Body = "{\"id\":\"x\"}";
    private const long At = 1767225600;

    [Fact]
    public void Signs_timestamp_dot_body_with_hmac_sha256_as_lower_hex() =>
        // Expected value computed outside .NET: python3 hmac.new(secret, b'1767225600.{"id":"x"}', sha256).hexdigest()
        Assert.Equal("sha256=12930fbf7baa8cb14a856a4b5979dc9e27e6aac6d9254667385195a0c62d2776", WebhookSignature.Sign(Secret, At, Body));

    [Fact]
    public void Verifies_its_own_signature_within_the_tolerance() =>
        Assert.True(WebhookSignature.Verify(Secret, "1767225600", Body, WebhookSignature.Sign(Secret, At, Body), At + 299, TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("other-secret-0123456789", "1767225600", "{\"id\":\"x\"}", 0)]
    [InlineData(Secret, "1767225601", "{\"id\":\"x\"}", 0)]
    [InlineData(Secret, "1767225600", "{\"id\":\"y\"}", 0)]
    [InlineData(Secret, "1767225600", "{\"id\":\"x\"}", 301)]
    [InlineData(Secret, "not-a-number", "{\"id\":\"x\"}", 0)]
    public void Refuses_another_secret_timestamp_body_or_an_old_timestamp(string secret, string timestamp, string body, long late) =>
        Assert.False(WebhookSignature.Verify(secret, timestamp, body, WebhookSignature.Sign(Secret, At, Body), At + late, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Event_ids_are_derived_from_application_type_and_occurrence()
    {
        var id = WebhookEventId.For("app1", "application.statusChanged", "2");

        Assert.Equal(id, WebhookEventId.For("app1", "application.statusChanged", "2"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.NotEqual(id, WebhookEventId.For("app1", "application.statusChanged", "3"));
        Assert.NotEqual(id, WebhookEventId.For("app2", "application.statusChanged", "2"));
        Assert.NotEqual(id, WebhookEventId.For("app1", "review.decided", "2"));
    }
}
