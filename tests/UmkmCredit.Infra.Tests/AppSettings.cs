using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UmkmCredit.Api.Telemetry;
using UmkmCredit.Functions.Reminders;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Infra.Tests;

/// <summary>The configuration keys the Functions app needs, derived from the code and its shipped configuration.</summary>
internal static partial class RequiredSettings
{
    /// <summary>Keys needed only outside Azure, each with the reason Bicep does not declare it.</summary>
    public static IReadOnlyDictionary<string, string> NotInAzure { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption rejects it as an app setting; functionAppConfig.runtime sets dotnet-isolated 10.0 (asserted separately).",
        ["Notifications__PickupDirectory"] = "The local outbox; in Azure the SMTP relay (Notifications__Smtp__Host) sends mail and a Flex instance's disk is ephemeral.",
        ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development for `func start` (local keys, pickup folder); unset in Azure, where the platform runs Production and the secret guard applies.",
    };

    /// <summary>Key (with <c>__</c> separators) → where the requirement comes from.</summary>
    public static IReadOnlyDictionary<string, string> Derive()
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        // 1. Every value local.settings.sample.json gives the Functions host.
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")))!;
        foreach (var (key, _) in sample["Values"]!.AsObject())
        {
            Add(keys, key, "local.settings.sample.json");
        }

        // 2. %NAME% binding expressions on the Functions app's trigger and binding attributes.
        var functions = typeof(ReminderTimerFunction).Assembly;
        foreach (var method in functions.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            foreach (var attribute in method.GetParameters().SelectMany(p => p.GetCustomAttributesData()))
            {
                var strings = attribute.ConstructorArguments.Select(a => a.Value).Concat(attribute.NamedArguments.Select(a => a.TypedValue.Value)).OfType<string>();
                foreach (Match match in strings.SelectMany(s => BindingExpression().Matches(s)))
                {
                    Add(keys, match.Groups[1].Value, $"{method.DeclaringType?.Name}.{method.Name} binding");
                }
            }
        }

        // 3. host.json: %NAME% expressions and connection names.
        var hostJson = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Functions", "host.json"));
        foreach (Match match in BindingExpression().Matches(hostJson))
        {
            Add(keys, match.Groups[1].Value, "host.json");
        }

        foreach (var connection in ConnectionNames())
        {
            Add(keys, connection, "host.json connectionName");
        }

        // 4. [Required] properties of every options class (a type with a const Section) the Functions app loads.
        foreach (var type in AppAssemblies(functions).SelectMany(SafeTypes))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field || field.GetRawConstantValue() is not string section)
            {
                continue;
            }

            foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null))
            {
                Add(keys, $"{section}__{property.Name}", $"[Required] {type.Name}.{property.Name}");
            }
        }

        // 5. The telemetry switch of both hosts.
        Add(keys, TelemetrySources.ConnectionStringSetting, "TelemetrySources.ConnectionStringSetting");
        return keys;
    }

    private static void Add(Dictionary<string, string> keys, string key, string source) =>
        keys[key] = keys.TryGetValue(key, out var sources) ? $"{sources}; {source}" : source;

    /// <summary>host.json's <c>connectionName</c> values (identity-based connections may use <c>NAME__*</c> settings).</summary>
    public static IReadOnlyList<string> ConnectionNames()
    {
        var hostJson = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "UmkmCredit.Functions", "host.json"));
        return [.. ConnectionName().Matches(hostJson).Select(m => m.Groups[1].Value)];
    }

    private static IEnumerable<Assembly> AppAssemblies(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([root]);
        while (queue.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            yield return assembly;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("UmkmCredit.", StringComparison.Ordinal)))
            {
                queue.Enqueue(Assembly.Load(reference));
            }
        }
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    [GeneratedRegex(@"%([A-Za-z_][A-Za-z0-9_:\.]*)%")]
    private static partial Regex BindingExpression();

    [GeneratedRegex(@"""connectionName""\s*:\s*""([^""]+)""")]
    private static partial Regex ConnectionName();
}

/// <summary>The app settings that infra/app/function.bicep declares.</summary>
internal sealed partial class DeclaredSettings
{
    private DeclaredSettings(IReadOnlyDictionary<string, string> literal, IReadOnlyList<Regex> templates)
    {
        Literal = literal;
        Templates = templates;
    }

    /// <summary>Literal key → its Bicep value expression.</summary>
    public IReadOnlyDictionary<string, string> Literal { get; }

    /// <summary>Keys built with interpolation (e.g. the Opd:Reviewers flattening), as patterns.</summary>
    public IReadOnlyList<Regex> Templates { get; }

    public static DeclaredSettings Load(string? bicepText = null)
    {
        var text = bicepText ?? File.ReadAllText(Path.Combine(Bicep.InfraRoot, "app", "function.bicep"));
        var union = AppSettingsUnion().Match(text);
        if (!union.Success)
        {
            throw new InvalidOperationException("function.bicep: the appsettings resource must set `properties: union(<var>, ...)`.");
        }

        var literal = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var templates = new List<Regex>();
        foreach (var variable in union.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var body = VariableBody(text, variable);
            foreach (Match entry in SettingEntry().Matches(body))
            {
                var key = entry.Groups["key"].Value;
                if (key.Contains("${", StringComparison.Ordinal))
                {
                    var pattern = "^" + string.Join("[A-Za-z0-9-]+", Interpolation().Split(key).Select(Regex.Escape)) + "$";
                    templates.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
                }
                else
                {
                    literal[key] = entry.Groups["value"].Value.Trim();
                }
            }
        }

        return new DeclaredSettings(literal, templates);
    }

    /// <summary>Whether <paramref name="key"/> is set: literally, through a template, or as an identity-based connection.</summary>
    public bool Covers(string key, IEnumerable<string> connectionNames) =>
        Literal.ContainsKey(key)
        || Templates.Any(t => t.IsMatch(key))
        || (connectionNames.Contains(key, StringComparer.OrdinalIgnoreCase) && Literal.ContainsKey(key + "__accountName") && Literal.ContainsKey(key + "__credential"));

    private static string VariableBody(string text, string variable)
    {
        var start = text.IndexOf($"\nvar {variable} =", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"function.bicep: no `var {variable}`.");
        }

        // Up to the next top-level declaration.
        var next = NextDeclaration().Match(text, start + 1);
        return next.Success ? text[start..next.Index] : text[start..];
    }

    [GeneratedRegex(@"resource appSettings 'Microsoft\.Web/sites/config@[^']+' = \{[^}]*?properties: union\(([^)]*)\)", RegexOptions.Singleline)]
    private static partial Regex AppSettingsUnion();

    [GeneratedRegex(@"(?:^|[{,]|\n)\s*'?(?<key>[A-Za-z][A-Za-z0-9_]*(?:\$\{[^}]*\}[A-Za-z0-9_]*)*)'?:\s(?<value>[^\n]*)")]
    private static partial Regex SettingEntry();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\n(?:var|resource|param|output|module|func|type) ")]
    private static partial Regex NextDeclaration();
}
