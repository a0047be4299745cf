using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using UmkmCredit.Api.Routing;
using UmkmCredit.Functions.Http;

namespace UmkmCredit.Functions.Tests;

/// <summary>One <c>[Function]</c> method of the Functions app and its trigger attribute.</summary>
internal sealed record FunctionMethod(string Name, MethodInfo Method, Attribute Trigger, ParameterInfo TriggerParameter);

/// <summary>The Functions app as reflection sees it, and the expectations derived from the shared tables.</summary>
internal static class FunctionsApp
{
    public static Assembly Assembly { get; } = typeof(ResultActionResult).Assembly;

    public static IReadOnlyList<FunctionMethod> All { get; } = Discover();

    public static IEnumerable<(FunctionMethod Function, T Trigger)> WithTrigger<T>()
        where T : Attribute =>
        All.Where(f => f.Trigger is T).Select(f => (f, (T)f.Trigger));

    /// <summary>
    /// Every route is anonymous at the host: handlers check their own tokens, and the dispatcher admits admin routes
    /// (the key or the console's session cookie) — a host-level function key would lock the console's browser out.
    /// </summary>
    public static AuthorizationLevel ExpectedLevel(RouteAccess access) => access switch
    {
        RouteAccess.Anonymous => AuthorizationLevel.Anonymous,
        RouteAccess.Admin => AuthorizationLevel.Anonymous,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "A new RouteAccess needs a mapping to an AuthorizationLevel."),
    };

    private static List<FunctionMethod> Discover()
    {
        var found = new List<FunctionMethod>();
        foreach (var method in Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var triggers = method.GetParameters()
                .SelectMany(p => p.GetCustomAttributes().Where(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal)).Select(a => (p, a)))
                .ToList();
            if (function is null)
            {
                Assert.True(triggers.Count == 0, $"{method.DeclaringType}.{method.Name} has a trigger but no [Function].");
                continue;
            }

            Assert.True(triggers.Count == 1, $"Function {function.Name} must have exactly one trigger, has {triggers.Count}.");
            found.Add(new FunctionMethod(function.Name, method, triggers[0].a, triggers[0].p));
        }

        return found;
    }
}
