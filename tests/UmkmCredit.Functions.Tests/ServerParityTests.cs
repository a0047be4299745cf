using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using UmkmCredit.Api.Routing;
using UmkmCredit.Server;
using UmkmCredit.Server.Engine;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Functions.Tests;

/// <summary>What the standalone server registers and maps, against the same catalogue and route table (the engine is never started).</summary>
public sealed class ServerParityTests
{
    [Fact]
    public void Server_registry_holds_exactly_the_catalogue_orchestrations()
    {
        var registry = new DurableTaskRegistry();
        WorkflowRegistration.Register(registry);

        Assert.Equal(WorkflowCatalog.Orchestrations.Order(StringComparer.Ordinal), RegisteredNames(registry, "Orchestrators"));
    }

    [Fact]
    public void Server_registry_holds_exactly_the_catalogue_activities()
    {
        var registry = new DurableTaskRegistry();
        WorkflowRegistration.Register(registry);

        Assert.Equal(WorkflowCatalog.Activities.Select(a => a.Name).Order(StringComparer.Ordinal), RegisteredNames(registry, "Activities"));
    }

    [Fact]
    public async Task Server_maps_exactly_the_route_table_under_api()
    {
        await using var app = BuildServer();

        var expected = ApiRoutes.All.Select(r => $"{r.Name} {r.Method.ToUpperInvariant()} /api/{r.Template}").Order(StringComparer.Ordinal);
        var actual = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/") // the convenience redirect to the portal
            .Select(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                return $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {string.Join(',', methods.Order(StringComparer.Ordinal))} {e.RoutePattern.RawText}";
            })
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Both_hosts_agree_function_by_function()
    {
        // The server's names come from the table by construction; this closes the triangle for the
        // names the Functions app declares, so a route cannot exist in one host under a different name.
        var server = ApiRoutes.All.Select(r => r.Name).Concat(WorkflowCatalog.Orchestrations).Concat(WorkflowCatalog.Activities.Select(a => a.Name));
        var functions = FunctionsApp.All.Where(f => f.Trigger is not Microsoft.Azure.Functions.Worker.TimerTriggerAttribute).Select(f => f.Name);

        Assert.Equal(server.Order(StringComparer.Ordinal), functions.Order(StringComparer.Ordinal));
    }

    private static WebApplication BuildServer()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:BaseUrl"] = "http://localhost:7071",
            ["Links:SigningKey"] = "parity-test-signing-key-0123456789abcdef",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Durable:Backend"] = "InMemory",
            ["Opd:Reviewers:6571:0:Reviewer:Id"] = "reviewer",
            ["Opd:Reviewers:6571:0:Reviewer:Name"] = "Reviewer",
            ["Opd:Reviewers:6571:0:Reviewer:Email"] = "reviewer@example.test",
        });
        builder.AddUmkmCreditServer();
        var app = builder.Build();
        app.MapUmkmCreditApi();
        return app;
    }

    /// <summary>
    /// <see cref="DurableTaskRegistry"/> keeps its registrations in internal dictionaries keyed by
    /// <see cref="TaskName"/>. Read them by reflection, and fail loudly if a new SDK version changes that shape.
    /// </summary>
    private static IEnumerable<string> RegisteredNames(DurableTaskRegistry registry, string member)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var type = typeof(DurableTaskRegistry);
        var value = type.GetProperty(member, flags)?.GetValue(registry)
            ?? type.GetFields(flags).FirstOrDefault(f => f.Name.Contains(member, StringComparison.OrdinalIgnoreCase))?.GetValue(registry);
        if (value is not IEnumerable entries)
        {
            var shape = string.Join(", ", type.GetProperties(flags).Select(p => $"{p.PropertyType.Name} {p.Name}")
                .Concat(type.GetFields(flags).Select(f => $"{f.FieldType.Name} {f.Name}")));
            Assert.Fail($"DurableTaskRegistry has no '{member}' dictionary any more (members: {shape}). Update this test for the new SDK.");
            return [];
        }

        var names = new List<string>();
        foreach (var entry in entries)
        {
            var key = entry.GetType().GetProperty("Key")?.GetValue(entry);
            Assert.True(key is TaskName, $"DurableTaskRegistry.{member} is no longer keyed by TaskName ({entry.GetType()}). Update this test.");
            names.Add(((TaskName)key!).Name);
        }

        return names.Order(StringComparer.Ordinal);
    }
}
