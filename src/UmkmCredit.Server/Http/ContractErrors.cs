using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Server.Http;

/// <summary>
/// The standalone host's answers outside the route table, as the contract wants them: security headers on every
/// answer, problem+json (or a page for a browser) for unmatched routes, wrong methods and too-long URLs, never an
/// empty body.
/// </summary>
public static class ContractErrors
{
    /// <summary>Longest URL (path and query) answered; longer ones get 414.</summary>
    public const int MaxUrlLength = 8 * 1024;

    /// <summary>Kestrel's own request-line limit, kept above <see cref="MaxUrlLength"/> so the app (not Kestrel) answers 414.</summary>
    public const int KestrelRequestLineLimit = 64 * 1024;

    /// <summary>Adds the middleware (before routing).</summary>
    public static WebApplication UseContractErrors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            SecurityHeaders.Register(context);
            var length = (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);
            if (length > MaxUrlLength)
            {
                await WriteAsync(context, new Failure(FailureKind.Invalid, "Alamat terlalu panjang", $"Alamat (URL) paling panjang {MaxUrlLength} karakter."), StatusCodes.Status414UriTooLong).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            var failure = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => Failure.NotFound(),
                StatusCodes.Status405MethodNotAllowed => new Failure(FailureKind.Invalid, "Metode tidak diizinkan", $"Alamat ini tidak menerima {context.Request.Method}."),
                _ => new Failure(FailureKind.Invalid, "Permintaan tidak dapat diproses", "Periksa kembali permintaan Anda."),
            };
            await WriteAsync(context, failure, context.Response.StatusCode).ConfigureAwait(false);
        });
        return app;
    }

    private static Task WriteAsync(HttpContext context, Failure failure, int statusCode)
    {
        IResult result = RequestReading.PrefersPage(context.Request)
            ? Results.Content(ErrorPage.Render(failure), "text/html; charset=utf-8", statusCode: statusCode)
            : Problems.Status(statusCode, failure.Title, failure.Detail);
        return result.ExecuteAsync(context);
    }
}
