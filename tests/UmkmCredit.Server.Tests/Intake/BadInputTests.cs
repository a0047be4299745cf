using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Intake;

/// <summary>Every bad input gets a clear 4xx problem and changes nothing: no blob, no index row, no audit.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class BadInputTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    private static readonly (string Name, Action<JsonObject> Mutate, string Path, string? Code)[] JsonCases =
    [
        ("nik too short", j => j["applicant"]!["nik"] = "657101550890", "applicant.nik", "nik.format"),
        ("nik with letters", j => j["applicant"]!["nik"] = "65710155089000AB", "applicant.nik", "nik.format"),
        ("nik province 20", j => j["applicant"]!["nik"] = "2071015508900003", "applicant.nik", "nik.province"),
        ("nik day 72", j => j["applicant"]!["nik"] = "6571017208900003", "applicant.nik", "nik.date"),
        ("nik vs birth date", j => j["applicant"]!["birthDate"] = "1990-08-16", "applicant.nik", "nik.birthDateMismatch"),
        ("nik vs gender", j => j["applicant"]!["gender"] = "L", "applicant.nik", "nik.genderMismatch"),
        ("nik serial 0000", j => j["applicant"]!["nik"] = "6571015508900000", "applicant.nik", "nik.serial"),
        ("nik missing", j => j["applicant"]!.AsObject().Remove("nik"), "applicant.nik", "required"),
        ("name missing", j => j["applicant"]!.AsObject().Remove("fullName"), "applicant.fullName", "required"),
        ("name of 10 KB", j => j["applicant"]!["fullName"] = new string('a', 10_240), "applicant.fullName", "text.tooLong"),
        ("name with a null byte", j => j["applicant"]!["fullName"] = "Siti\u0000Aminah", "applicant.fullName", "text.invalidCharacters"),
        ("name with a bidi override", j => j["applicant"]!["fullName"] = "Siti \u202EhanimA", "applicant.fullName", "text.invalidCharacters"),
        ("birth date format", j => j["applicant"]!["birthDate"] = "15-08-1990", "applicant.birthDate", "date.format"),
        ("gender X", j => j["applicant"]!["gender"] = "X", "applicant.gender", "gender.invalid"),
        ("phone", j => j["applicant"]!["phone"] = "12345", "applicant.phone", "phone.format"),
        ("email", j => j["applicant"]!["email"] = "siti-at-example", "applicant.email", "email.format"),
        ("address missing", j => j["applicant"]!["address"] = "", "applicant.address", "required"),
        ("business name missing", j => j["business"]!.AsObject().Remove("name"), "business.name", "required"),
        ("nib of 12 digits", j => j["business"]!["nib"] = "912030123456", "business.nib", "nib.format"),
        ("npwp of 14 digits", j => j["business"]!["npwp"] = "12345678901234", "business.npwp", "npwp.format"),
        ("unknown sector", j => j["business"]!["sector"] = "tambang", "business.sector", "sector.unknown"),
        ("regency outside Kaltara", j => j["business"]!["regency"] = "6401", "business.regency", "regency.unknown"),
        ("regency missing", j => j["business"]!.AsObject().Remove("regency"), "business.regency", "required"),
        ("business started in the future", j => j["business"]!["startedOn"] = "2030-01-01", "business.startedOn", "date.future"),
        ("negative employees", j => j["business"]!["employees"] = -1, "business.employees", "range"),
        ("negative revenue", j => j["business"]!["monthlyRevenue"] = -5, "business.monthlyRevenue", "range"),
        ("unknown scheme", j => j["request"]!["scheme"] = "KUR_RAKSASA", "request.scheme", "scheme.unknown"),
        ("amount zero", j => j["request"]!["amount"] = 0, "request.amount", null),
        ("amount above the mikro tier", j => j["request"]!["amount"] = 100_000_001, "request.amount", "amount.aboveTier"),
        ("amount below the mikro tier", j => j["request"]!["amount"] = 10_000_000, "request.amount", "amount.belowTier"),
        ("tenor zero", j => j["request"]!["tenorMonths"] = 0, "request.tenorMonths", null),
        ("tenor 37 for working capital", j => j["request"]!["tenorMonths"] = 37, "request.tenorMonths", "tenor.aboveLimit"),
        ("tenor 61 for investment", j => { j["request"]!["tenorMonths"] = 61; j["request"]!["purpose"] = "investasi"; }, "request.tenorMonths", "tenor.aboveLimit"),
        ("unknown purpose", j => j["request"]!["purpose"] = "konsumsi", "request.purpose", "purpose.unknown"),
        ("description missing", j => j["request"]!.AsObject().Remove("description"), "request.description", "required"),
        ("consent false", j => j["consent"]!["dataProcessing"] = false, "consent.dataProcessing", "consent.required"),
        ("consent missing", j => j.Remove("consent"), "consent.dataProcessing", null),
        ("applicant missing", j => j.Remove("applicant"), "applicant", null),
        ("amount as text", j => j["request"]!["amount"] = "lima puluh juta", "request.amount", "json.type"),
        ("employees as object", j => j["business"]!["employees"] = new JsonObject(), "business.employees", "json.type"),
    ];

    public static TheoryData<string> JsonCaseNames() => new(JsonCases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(JsonCaseNames))]
    public async Task Invalid_json_field_is_400_with_its_path_and_code_and_stores_nothing(string name)
    {
        var (_, mutate, path, code) = JsonCases.Single(c => c.Name == name);
        var json = Samples.Application();
        mutate(json);

        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", ApiCalls.Json(json)), HttpStatusCode.BadRequest, path, code);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", new StringContent("{\"applicant\": {", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "$", "json.malformed");
    }

    [Fact]
    public async Task Json_array_instead_of_object_is_400()
    {
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", new StringContent("[1,2]", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "$", null);
    }

    [Fact]
    public async Task Body_over_256_kb_is_413()
    {
        var json = Samples.Application();
        json["padding"] = new string('x', 300 * 1024);
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", ApiCalls.Json(json)), HttpStatusCode.RequestEntityTooLarge, null, null);
    }

    [Fact]
    public async Task Plain_text_body_is_415()
    {
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", new StringContent("halo", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, null, null);
    }

    [Fact]
    public async Task Document_that_is_not_pdf_jpeg_or_png_is_415_whatever_its_name()
    {
        var gif = Encoding.ASCII.GetBytes("GIF89a........");
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", Samples.Multipart(Samples.Application(), [("ktp", gif)])),
            HttpStatusCode.UnsupportedMediaType, null, null);
    }

    [Fact]
    public async Task Unknown_document_kind_is_400()
    {
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", Samples.Multipart(Samples.Application(), [("selfie", Samples.Pdf())])),
            HttpStatusCode.BadRequest, "selfie", "document.kind");
    }

    [Fact]
    public async Task Multipart_without_the_application_part_is_400()
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Samples.Pdf()), "ktp", "ktp.pdf" } };
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", form), HttpStatusCode.BadRequest, "application", "required");
    }

    [Fact]
    public async Task Document_over_10_mb_is_413()
    {
        var big = new byte[(10 * 1024 * 1024) + 10];
        Samples.Pdf().CopyTo(big, 0);
        await AssertRefusedAsync(() => Server.PostAsync("/api/applications", Samples.Multipart(Samples.Application(), [("ktp", big)])),
            HttpStatusCode.RequestEntityTooLarge, null, null);
    }

    [Fact]
    public async Task Every_error_is_reported_at_once()
    {
        var json = Samples.Application();
        json["applicant"]!["nik"] = "123";
        json["applicant"]!["email"] = "nope";
        json["business"]!["regency"] = "3171";
        json["request"]!["tenorMonths"] = 99;

        using var response = await Server.PostAsync("/api/applications", ApiCalls.Json(json));
        var problem = await ApiCalls.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string> { "applicant.nik", "applicant.email", "business.regency", "request.tenorMonths" }, keys.ToHashSet());
        Assert.Equal(keys.Count, problem.GetProperty("errorCodes").EnumerateObject().Count());
    }

    [Fact]
    public async Task Document_upload_with_bad_bytes_or_unknown_kind_is_refused_and_stores_nothing()
    {
        var app = await Server.SubmitAsync(ApiCalls.Json(Samples.Application()));
        await Server.WaitForStatusAsync(app, "AwaitingDocuments");
        var before = await StorageProbe.CountAsync(Server);

        async Task<HttpStatusCode> Put(string kind, byte[] content, string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{app.Id}/documents/{kind}") { Content = new ByteArrayContent(content) };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await Server.Http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await Put("ktp", Encoding.ASCII.GetBytes("<html>not a pdf</html>"), app.Token));
        Assert.Equal(HttpStatusCode.BadRequest, await Put("selfie", Samples.Pdf(), app.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await Put("ktp", Samples.Pdf(), null));
        Assert.Equal(HttpStatusCode.NotFound, await Put("ktp", Samples.Pdf(), "wrong-token"));
        Assert.Equal(before, await StorageProbe.CountAsync(Server));
    }

    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string? path, string? code)
    {
        var before = await StorageProbe.CountAsync(Server);

        using var response = await send();
        var problem = await ApiCalls.ProblemAsync(response);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (path is not null)
        {
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(path, out var messages), $"no error at {path}: {problem}");
            Assert.NotEmpty(messages.EnumerateArray());
            if (code is not null)
            {
                Assert.Contains(code, problem.GetProperty("errorCodes").GetProperty(path).EnumerateArray().Select(x => x.GetString()));
            }
        }

        Assert.Equal(before, await StorageProbe.CountAsync(Server));
    }
}
