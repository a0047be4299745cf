using System.Net;
using System.Net.Http.Json;
using System.Text;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Intake;

/// <summary>Strict JSON: numbers must be numbers, a repeated key is refused, names need letters.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class StrictJsonTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task An_amount_sent_as_a_string_is_a_type_error_at_its_path()
    {
        var json = Samples.Application();
        json["request"]!["amount"] = "50000000";

        var codes = await ProblemCodesAsync(await Server.PostAsync("/api/applications", ApiCalls.Json(json)));

        Assert.Equal(["json.type"], codes["request.amount"]);
    }

    [Fact]
    public async Task A_repeated_key_is_refused_instead_of_taking_the_last()
    {
        var text = Samples.Application().ToJsonString().Replace("\"fullName\":", "\"fullName\":\"Orang Lain\",\"fullName\":", StringComparison.Ordinal);
        Assert.Contains("Orang Lain", text, StringComparison.Ordinal);

        var codes = await ProblemCodesAsync(await Server.PostAsync("/api/applications", new StringContent(text, Encoding.UTF8, "application/json")));

        Assert.Equal(["json.duplicateKey"], codes["$"]);
    }

    [Fact]
    public async Task A_name_of_only_a_zero_width_space_is_refused()
    {
        var json = Samples.Application();
        json["applicant"]!["fullName"] = "\u200B";

        var codes = await ProblemCodesAsync(await Server.PostAsync("/api/applications", ApiCalls.Json(json)));

        Assert.Equal(["name.letters"], codes["applicant.fullName"]);
    }

    [Fact]
    public async Task A_review_with_the_approved_amount_as_a_string_or_a_repeated_decision_is_refused_and_decides_nothing()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission("strict-review@example.id"));
        await Server.WaitForStatusAsync(app, "InReview");
        var token = await Server.ReviewTokenAsync(app.Id);

        var asString = await ProblemCodesAsync(await Server.Http.PostAsJsonAsync($"/api/review/{token}", new { decision = "approve", approvedAmount = "40000000" }));
        Assert.Equal(["json.type"], asString["approvedAmount"]);

        using var twice = new StringContent("{\"decision\":\"reject\",\"note\":\"x\",\"decision\":\"approve\"}", Encoding.UTF8, "application/json");
        var repeated = await ProblemCodesAsync(await Server.Http.PostAsync(new Uri($"/api/review/{token}", UriKind.Relative), twice));
        Assert.Equal(["json.duplicateKey"], repeated["$"]);

        // The link is still unused: a well-formed decision is accepted.
        using var ok = await Server.DecideAsync(token, new { decision = "approve", approvedAmount = 40_000_000 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    private static async Task<Dictionary<string, string[]>> ProblemCodesAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await ApiCalls.ProblemAsync(response);
            return problem.GetProperty("errorCodes").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(c => c.GetString()!).ToArray());
        }
    }
}
