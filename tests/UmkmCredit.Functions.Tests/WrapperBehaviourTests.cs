using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UmkmCredit.Api.Routing;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Functions.Tests;

/// <summary>
/// The wrappers' bodies, not only their attributes: each HTTP wrapper dispatches its own route and each
/// activity wrapper resolves its own catalogue class (the copy-paste slip attribute checks cannot see).
/// </summary>
public sealed class WrapperBehaviourTests
{
    [Fact]
    public async Task Each_http_wrapper_dispatches_the_route_named_like_its_function()
    {
        foreach (var (function, _) in FunctionsApp.WithTrigger<HttpTriggerAttribute>())
        {
            // No handler services are registered, so the dispatcher logs the route it was asked for and answers 500.
            var logger = new RouteCapturingLogger();
            var http = NewContext();
            http.Request.Headers["x-functions-key"] = AdminKey; // admin routes are admitted by the dispatcher, not the host

            await InvokeAsync(function, http, logger);

            Assert.Equal(function.Name, logger.Route);
            Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        }
    }

    [Fact]
    public async Task Admin_wrappers_admit_the_key_or_the_console_session_and_refuse_everything_else()
    {
        var admin = FunctionsApp.WithTrigger<HttpTriggerAttribute>().Where(f => ApiRoutes.Get(f.Function.Name).Access == RouteAccess.Admin).Select(f => f.Function).ToList();
        Assert.NotEmpty(admin);
        var session = SessionCookie();
        foreach (var function in admin)
        {
            var post = ApiRoutes.Get(function.Name).Method == "POST";

            // nothing, or a wrong key: 401 before any handler runs
            var anonymous = await AnswerAsync(function, _ => { });
            Assert.Equal((function.Name, StatusCodes.Status401Unauthorized, (string?)null), (function.Name, anonymous.Status, anonymous.Route));
            var wrong = await AnswerAsync(function, h => h.Request.Headers["x-functions-key"] = "not-the-key");
            Assert.Equal((function.Name, StatusCodes.Status401Unauthorized, (string?)null), (function.Name, wrong.Status, wrong.Route));

            // the console's cookie: a GET reaches the handler; a POST without the form's CSRF token is refused (403)
            var withCookie = await AnswerAsync(function, h => h.Request.Headers.Cookie = session);
            Assert.Equal((function.Name, post ? StatusCodes.Status403Forbidden : StatusCodes.Status500InternalServerError, post ? null : function.Name),
                (function.Name, withCookie.Status, withCookie.Route));
        }
    }

    [Fact]
    public async Task Each_activity_wrapper_resolves_the_implementation_the_catalogue_names()
    {
        foreach (var (function, _) in FunctionsApp.WithTrigger<ActivityTriggerAttribute>())
        {
            var descriptor = Assert.Single(WorkflowCatalog.Activities, a => a.Name == function.Name);
            var services = new RecordingServiceProvider();
            var input = descriptor.Input == typeof(string) ? "app-1" : null;

            var context = new StubFunctionContext(services);
            var args = function.Method.GetParameters().Select(p => p.ParameterType == typeof(FunctionContext) ? (object)context : p.Position == 0 ? input : null).ToArray();
            var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await (Task)function.Method.Invoke(
                null, BindingFlags.DoNotWrapExceptions, null, args, null)!);

            Assert.Equal(descriptor.Implementation, services.Requested);
            Assert.Contains(descriptor.Implementation.Name, error.Message, StringComparison.Ordinal);
        }
    }

    private const string AdminKey = "functions-admin-key-for-tests";

    private static DefaultHttpContext NewContext() => new() { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };

    /// <summary>A session cookie as <c>POST /api/admin/session</c> sets it.</summary>
    private static string SessionCookie()
    {
        var http = NewContext();
        UmkmCredit.Api.Admin.AdminSession.Start(http, AdminKey, DateTimeOffset.UtcNow);
        var set = http.Response.Headers.SetCookie.ToString();
        return set[..set.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<(int Status, string? Route)> AnswerAsync(FunctionMethod function, Action<HttpContext> prepare)
    {
        var logger = new RouteCapturingLogger();
        var http = NewContext();
        http.Request.Method = ApiRoutes.Get(function.Name).Method;
        prepare(http);
        await InvokeAsync(function, http, logger);
        return (http.Response.StatusCode, logger.Route);
    }

    /// <summary>Calls a wrapper as the Functions host would; no handler services are registered, so a handler that runs answers 500 and logs its route.</summary>
    private static async Task InvokeAsync(FunctionMethod function, HttpContext http, RouteCapturingLogger logger)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Admin:ApiKey"] = AdminKey }).Build();
        var dispatcher = new ApiDispatcher(new ServiceCollection().BuildServiceProvider(), configuration, TimeProvider.System, logger);
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(
            new ServiceCollection().AddSingleton(dispatcher).BuildServiceProvider(), function.Method.DeclaringType!);
        var args = function.Method.GetParameters()
            .Select(p => p.ParameterType == typeof(HttpRequest) ? http.Request : p.ParameterType == typeof(string) ? (object)$"value-of-{p.Name}" : null)
            .ToArray();

        var result = await (Task<IActionResult>)function.Method.Invoke(instance, args)!;
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
    }

    private sealed class RouteCapturingLogger : ILogger<ApiDispatcher>
    {
        public string? Route { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                Route = values.FirstOrDefault(v => v.Key == "Route").Value as string ?? Route;
            }
        }
    }

    private sealed class RecordingServiceProvider : IServiceProvider
    {
        public Type? Requested { get; private set; }

        public object? GetService(Type serviceType)
        {
            Requested = serviceType;
            return null;
        }
    }

    private sealed class StubFunctionContext(IServiceProvider services) : FunctionContext
    {
        public override string InvocationId => "test";

        public override string FunctionId => "test";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw new NotSupportedException();
    }
}

