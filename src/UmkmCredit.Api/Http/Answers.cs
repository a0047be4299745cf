using Microsoft.AspNetCore.Http;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Http;

/// <summary>
/// The one mapping from a command's outcome to an HTTP answer: failures become problem+json with the status
/// code of their kind; successes become JSON (or the page the handler renders for a browser).
/// </summary>
public static class Answers
{
    /// <summary>The status code of a failure kind.</summary>
    public static int StatusCode(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.Unauthorized => StatusCodes.Status401Unauthorized,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Gone => StatusCodes.Status410Gone,
        FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        FailureKind.TooMany => StatusCodes.Status429TooManyRequests,
        FailureKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The answer to a failure for an API client: problem+json.</summary>
    public static IResult Failure(Failure failure) => Problems.From(failure);

    /// <summary>
    /// The answer to a failure for whoever asked: a browser (a page request or a form post) gets an Indonesian page
    /// with the same status code — <paramref name="page"/> when the handler can show the form again with the
    /// messages at their fields, else the generic error page; an API client gets problem+json.
    /// </summary>
    public static IResult Failure(HttpRequest request, Failure failure, Func<Failure, string>? page = null) =>
        RequestReading.PrefersPage(request)
            ? RetryAfter.Add(Page((page ?? Pages.ErrorPage.Render)(failure), StatusCode(failure.Kind)), failure.RetryAfter)
            : Problems.From(failure);

    /// <summary>Like <see cref="From{T}(Result{T}, Func{T, IResult})"/>, with failures answered as pages for browsers.</summary>
    public static IResult From<T>(HttpRequest request, Result<T> result, Func<T, IResult> success, Func<Failure, string>? page = null) =>
        result.Failure is { } failure ? Failure(request, failure, page) : success(result.Value!);

    /// <summary>303 See Other to the next page (post/redirect/get after a successful form post).</summary>
    public static IResult SeeOther(string location) => Results.Redirect(location, permanent: false, preserveMethod: false) is var _
        ? new SeeOtherResult(location)
        : throw new InvalidOperationException();

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    /// <summary>JSON in the contract's conventions.</summary>
    public static IResult Json(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, ApiJson.Options, statusCode: statusCode);

    /// <summary>An HTML page.</summary>
    public static IResult Page(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);

    /// <summary>The failure's answer, or the success's, from one result.</summary>
    public static IResult From<T>(Result<T> result, Func<T, IResult> success) =>
        result.Failure is { } failure ? Failure(failure) : success(result.Value!);
}
