using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using UmkmCredit.Api.Routing;
using UmkmCredit.Functions.Reminders;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Functions.Tests;

/// <summary>The Functions app's <c>[Function]</c> attributes against the one route table and the one workflow catalogue.</summary>
public sealed partial class FunctionsParityTests
{
    [Fact]
    public void HttpFunctions_equal_the_route_table_in_name_method_route_and_authorization_level()
    {
        var expected = ApiRoutes.All
            .Select(r => Describe(r.Name, [r.Method], "api/" + r.Template, FunctionsApp.ExpectedLevel(r.Access)))
            .Order(StringComparer.Ordinal);
        var actual = FunctionsApp.WithTrigger<HttpTriggerAttribute>()
            .Select(f => Describe(f.Function.Name, f.Trigger.Methods ?? [], f.Trigger.Route ?? string.Empty, f.Trigger.AuthLevel))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void HttpFunctions_take_every_route_parameter_as_a_string_and_nothing_else()
    {
        foreach (var (function, trigger) in FunctionsApp.WithTrigger<HttpTriggerAttribute>())
        {
            var template = RouteParameter().Matches(trigger.Route ?? string.Empty).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
            var parameters = function.Method.GetParameters()
                .Where(p => p != function.TriggerParameter && p.GetCustomAttributes().All(a => a is not DurableClientAttribute))
                .Select(p =>
                {
                    Assert.True(p.ParameterType == typeof(string), $"{function.Name}: parameter {p.Name} must be a string route value.");
                    return p.Name!;
                })
                .Order(StringComparer.Ordinal);

            Assert.Equal(template, parameters);
            Assert.Contains(function.Method.GetParameters(), p => p.ParameterType == typeof(Microsoft.DurableTask.Client.DurableTaskClient)
                && p.GetCustomAttribute<DurableClientAttribute>() is not null);
        }
    }

    [Fact]
    public void HttpFunctions_use_no_route_that_the_Functions_host_reserves_for_itself()
    {
        // The Functions host refuses any HTTP route whose template (the function's Route, without the
        // routePrefix) starts with "admin" or "runtime": the function is then missing in Azure while build,
        // publish and functions.metadata look fine. API.md fixes /api/admin/..., so host.json sets
        // routePrefix "" and every route carries "api/" itself.
        var reserved = FunctionsApp.WithTrigger<HttpTriggerAttribute>()
            .Select(f => f.Trigger.Route ?? string.Empty)
            .Where(r => r.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase)
                || r.TrimStart('/').StartsWith("runtime", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(reserved.Count == 0, "The Azure Functions host rejects these routes at start-up: " + string.Join("; ", reserved));
        Assert.All(FunctionsApp.WithTrigger<HttpTriggerAttribute>(), f => Assert.StartsWith("api/", f.Trigger.Route, StringComparison.Ordinal));
    }

    [Fact]
    public void OrchestrationFunctions_equal_the_catalogue()
    {
        var actual = FunctionsApp.WithTrigger<OrchestrationTriggerAttribute>().Select(f => f.Function.Name).Order(StringComparer.Ordinal);

        Assert.Equal(WorkflowCatalog.Orchestrations.Order(StringComparer.Ordinal), actual);
        Assert.All(FunctionsApp.WithTrigger<OrchestrationTriggerAttribute>(), f =>
            Assert.Equal(typeof(TaskOrchestrationContext), f.Function.TriggerParameter.ParameterType));
    }

    [Fact]
    public void ActivityFunctions_equal_the_catalogue_in_name_input_and_output_types()
    {
        var expected = WorkflowCatalog.Activities.Select(a => $"{a.Name}({a.Input.FullName}) -> {a.Output.FullName}").Order(StringComparer.Ordinal);
        var actual = FunctionsApp.WithTrigger<ActivityTriggerAttribute>()
            .Select(f => $"{f.Function.Name}({f.Function.TriggerParameter.ParameterType.FullName}) -> {ResultType(f.Function.Method).FullName}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Functions_have_two_timers_reminders_and_retention_on_their_documented_settings()
    {
        var timers = FunctionsApp.WithTrigger<TimerTriggerAttribute>()
            .Select(t => $"{t.Function.Name} {t.Trigger.Schedule}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [$"{ReminderTimerFunction.Name} %{ReminderTimerFunction.ScheduleSetting}%", $"{RetentionTimerFunction.Name} %{RetentionTimerFunction.ScheduleSetting}%"],
            timers);
    }

    [Fact]
    public void Every_function_has_a_known_trigger_and_a_unique_name()
    {
        var known = new[] { typeof(HttpTriggerAttribute), typeof(OrchestrationTriggerAttribute), typeof(ActivityTriggerAttribute), typeof(TimerTriggerAttribute) };

        Assert.All(FunctionsApp.All, f => Assert.Contains(f.Trigger.GetType(), known));
        Assert.Equal(FunctionsApp.All.Count, FunctionsApp.All.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(ApiRoutes.All.Count + WorkflowCatalog.Orchestrations.Count + WorkflowCatalog.Activities.Count + 2, FunctionsApp.All.Count);
    }

    internal static string Describe(string name, IEnumerable<string> methods, string route, AuthorizationLevel level) =>
        $"{name} {string.Join(',', methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))} {route.Trim('/')} {level}";

    private static Type ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : method.ReturnType;

    [GeneratedRegex(@"\{\*?([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
