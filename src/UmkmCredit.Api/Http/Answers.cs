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

    /// <summary>The answer to a failure.</summary>
    public static IResult Failure(Failure failure) => Problems.From(failure);

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
