using System.Net;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Agreements;

namespace UmkmCredit.Server.Tests.Signing;

/// <summary>The 5-failure lock holds under parallel guessing: attempts are counted atomically before any code is compared.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class OtpRaceTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task Sixty_parallel_guesses_compare_at_most_five_codes_and_the_locked_link_refuses_the_right_one()
    {
        const string email = "otp-race@example.id";
        var app = await Server.SubmitAsync(Samples.CompleteSubmission(email));
        await Server.WaitForStatusAsync(app, "InReview");
        using (var approve = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id), new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        var token = await Server.SignTokenAsync(app.Id, email);
        var otp = await Server.OtpAsync(token, email);
        var wrong = otp == "999999" ? "999998" : "999999";

        var codes = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            using var r = await Server.SignAsync(token, new { decision = "sign", otp = wrong, fullName = "Siti Aminah", consent = true });
            return r.StatusCode;
        }));

        // Four wrong codes are told how many tries remain, the fifth locks, everything else was never compared.
        Assert.Equal(4, codes.Count(c => c == HttpStatusCode.Forbidden));
        Assert.Equal(56, codes.Count(c => c == HttpStatusCode.TooManyRequests));
        var linkId = token.Split('.')[1];
        Assert.Equal(5, (await Server.Get<IOtpStore>().GetAsync(app.Id, linkId))!.Failures);

        using var right = await Server.SignAsync(token, new { decision = "sign", otp, fullName = "Siti Aminah", consent = true });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("AwaitingSignatures", (await Server.StatusAsync(app)).GetProperty("status").GetString());
    }
}
