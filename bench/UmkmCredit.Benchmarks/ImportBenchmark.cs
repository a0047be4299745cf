using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Benchmarks;

/// <summary>Imports a CSV of N valid rows (default 1,000) on the real server and a private Azurite; prints rows per second until the import is complete.</summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        await using var azurite = await Azurite.StartAsync();
        await using var server = await ServerInstance.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var file = ImportSamples.Csv(Enumerable.Range(1, rows).Select(n => ImportSamples.Row(n % 9999 + 1, n / 9999)));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Add("x-functions-key", ServerInstance.AdminKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var total = Stopwatch.StartNew();
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var accepted = await http.PostAsync(new Uri("/api/admin/imports", UriKind.Relative), content);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
        {
            Console.Error.WriteLine($"import refused: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
            return 1;
        }

        var importId = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("importId").GetString();
        int done, failed;
        while (true)
        {
            var status = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/admin/imports/{importId}", UriKind.Relative))).RootElement;
            done = status.GetProperty("done").GetInt32();
            failed = status.GetProperty("failed").GetInt32();
            if (status.GetProperty("status").GetString() == "Completed")
            {
                break;
            }

            await Task.Delay(250);
        }

        var seconds = total.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"import: rows={done} failed={failed} seconds={seconds:F1} rows_per_s={done / seconds:F1}"));
        return failed == 0 ? 0 : 1;
    }
}
