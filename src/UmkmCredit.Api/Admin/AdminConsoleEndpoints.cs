using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Admin;

/// <summary>
/// The admin console's door: <c>GET /api/admin</c> (sign-in page, or the console's start page for a signed-in
/// browser) and <c>POST /api/admin/session</c> (form field <c>key</c> → session cookie, 303 to the dashboard).
/// Both are anonymous routes: they check the key and the cookie themselves, against <c>Admin:ApiKey</c>.
/// </summary>
public sealed class AdminConsoleEndpoints(IConfiguration configuration, TimeProvider time)
{
    private string? Key => configuration["Admin:ApiKey"];

    /// <summary><c>GET /api/admin</c>.</summary>
    public Task<IResult> SignInAsync(ApiRequest r)
    {
        r.Http.Response.Headers.CacheControl = "no-store";
        if (AdminSession.Nonce(r.Http.Request, Key, time.GetUtcNow()) is null)
        {
            return Task.FromResult(Answers.Page(AdminPages.SignIn(null)));
        }

        return Task.FromResult(Answers.Page(Html.Page("Konsol admin",
            "<h1>Konsol admin program</h1><div class=\"card\"><p><a class=\"button\" href=\"/api/admin/dashboard\">Dasbor</a> <a class=\"button\" href=\"/api/admin/applications\">Daftar permohonan</a></p></div>"
            + AdminPages.ExportForm() + ImportPages.Form(AdminSession.CsrfOf(r.Http.Request, Key, time.GetUtcNow())))));
    }

    /// <summary><c>POST /api/admin/session</c>: a form with the admin key starts a cookie session.</summary>
    public async Task<IResult> SessionAsync(ApiRequest r)
    {
        var request = r.Http.Request;
        r.Http.Response.Headers.CacheControl = "no-store";
        var (form, failure) = request.HasFormContentType
            ? await RequestReading.ReadSmallFormAsync(request, r.Aborted).ConfigureAwait(false)
            : Failure.Unsupported("Kirim formulir masuk (application/x-www-form-urlencoded) dengan isian key.");
        if (failure is not null)
        {
            return Answers.Failure(request, failure, f => AdminPages.SignIn(f.Detail));
        }

        if (!AdminSession.KeyMatches(form!["key"].ToString(), Key))
        {
            var wrong = new Failure(FailureKind.Unauthorized, "Kunci admin salah", "Kunci admin tidak cocok.", [new Domain.Applications.ValidationError("key", "key.invalid", "Kunci admin tidak cocok.")]);
            return Answers.Failure(request, wrong, f => AdminPages.SignIn(f.Detail));
        }

        var now = time.GetUtcNow();
        AdminSession.Start(r.Http, Key!, now);
        return RequestReading.AnswerAsJson(request)
            ? Answers.Json(new { signedIn = true, expiresAt = (now + AdminSession.Lifetime).UtcDateTime })
            : Answers.SeeOther("/api/admin/dashboard");
    }
}
