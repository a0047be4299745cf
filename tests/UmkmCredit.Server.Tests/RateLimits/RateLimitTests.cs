using System.Net;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.RateLimits;

/// <summary>A server with the rate limits on and small enough to reach: 6 submissions per address, 2 per NIK.</summary>
public sealed class RateLimitedServerFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The server.</summary>
    public ServerInstance Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:SubmissionsPerAddress"] = "6",
            ["RateLimits:SubmissionsPerNik"] = "2",
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

/// <summary>Limits per link (OTP mails), per NIK and per client address: 429 problem+json with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitedServerFixture fixture) : IClassFixture<RateLimitedServerFixture>
{
    private ServerInstance Server => fixture.Server;

    // One method: every step draws on the same per-address budget of this server, so the order is part of the test.
    [Fact]
    public async Task Second_otp_within_a_minute_then_a_third_submission_per_nik_then_the_seventh_per_address_answer_429()
    {
        // Per link: a second code e-mail within a minute is refused and no mail goes out.
        const string email = "limit-otp@example.id";
        var app = await Server.SubmitAsync(Samples.CompleteSubmission(email, Samples.ExampleNik)); // address permit 1, NIK 0003 permit 1
        await Server.WaitForStatusAsync(app, "InReview");
        using (var approve = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id), new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        var token = await Server.SignTokenAsync(app.Id, email);
        await Server.OtpAsync(token, email);
        var mails = Server.Outbox.To(email).Count;
        using (var again = await Server.Http.PostAsync(new Uri($"/api/sign/{token}/otp", UriKind.Relative), null))
        {
            await AssertTooManyAsync(again, maxSeconds: 60);
        }

        Assert.Equal(mails, Server.Outbox.To(email).Count);

        // Per NIK: the limit is 2; the sample's NIK was used once above, and that application is still active (409, still a permit).
        using (var second = await SubmitAsync(Samples.ExampleNik)) // address 2, NIK 2
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }

        using (var third = await SubmitAsync(Samples.ExampleNik)) // address 3, refused by the NIK limit
        {
            var problem = await AssertTooManyAsync(third, maxSeconds: 3600);
            Assert.Contains("NIK", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Per address: 6 submissions; three more with other NIKs reach it, the next is refused before the handler.
        Assert.Equal(HttpStatusCode.Accepted, await SubmitStatusAsync("6571015508900011"));
        Assert.Equal(HttpStatusCode.Accepted, await SubmitStatusAsync("6571015508900012"));
        Assert.Equal(HttpStatusCode.Accepted, await SubmitStatusAsync("6571015508900013"));
        using var refused = await SubmitAsync("6571015508900014");
        var addressProblem = await AssertTooManyAsync(refused, maxSeconds: 3600);
        Assert.Contains("alamat", addressProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SubmitAsync(string nik)
    {
        var json = Samples.Application();
        json["applicant"]!["nik"] = nik;
        return await Server.PostAsync("/api/applications", Samples.Multipart(json, Samples.RequiredKinds.Select(k => (k, k == "business-photo" ? Samples.Png() : Samples.Pdf()))));
    }

    private async Task<HttpStatusCode> SubmitStatusAsync(string nik)
    {
        using var response = await SubmitAsync(nik);
        return response.StatusCode;
    }

    private static async Task<System.Text.Json.JsonElement> AssertTooManyAsync(HttpResponseMessage response, int maxSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, maxSeconds);
        var problem = await ApiCalls.ProblemAsync(response);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        return problem;
    }
}

/// <summary><c>RateLimits:Enabled=false</c> (the test servers' setting) turns every limit off.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class RateLimitsDisabledTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task With_limits_off_one_nik_submits_past_the_default_limit_and_codes_are_resent_at_once()
    {
        // The defaults would refuse the 4th submission with one NIK (3 per hour) and the 2nd code within a minute.
        for (var i = 0; i < 4; i++)
        {
            var json = Samples.Application();
            json["applicant"]!["nik"] = "6571015508900021";
            using var response = await Server.PostAsync("/api/applications", Samples.Multipart(json, Samples.RequiredKinds.Select(k => (k, k == "business-photo" ? Samples.Png() : Samples.Pdf()))));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict, $"got {(int)response.StatusCode}");
        }

        const string email = "limits-off@example.id";
        var app = await Server.SubmitAsync(Samples.CompleteSubmission(email));
        await Server.WaitForStatusAsync(app, "InReview");
        using (var approve = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id), new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        var token = await Server.SignTokenAsync(app.Id, email);
        var first = await Server.OtpAsync(token, email);
        var second = await Server.OtpAsync(token, email); // asserts 202 and a second mail
        Assert.Matches("^[0-9]{6}$", second);
        Assert.Matches("^[0-9]{6}$", first);
    }
}
