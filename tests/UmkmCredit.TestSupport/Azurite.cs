using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UmkmCredit.TestSupport;

/// <summary>
/// A private Azurite (the repo's pinned npm package) on free loopback ports, in memory, started and stopped
/// by the test run, so runs never collide and need nothing running beforehand.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;

    private Azurite(Process process, int blob, int queue, int table)
    {
        _process = process;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey +
            $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    /// <summary>Connection string of this instance.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts Azurite and waits until its three ports accept connections. A free port can be taken by another process
    /// between choosing it and Azurite binding it (many servers start in parallel here): when Azurite exits before it
    /// listens, it is started again on new ports.
    /// </summary>
    public static async Task<Azurite> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var (azurite, exited) = await TryStartAsync().ConfigureAwait(false);
            if (azurite is not null)
            {
                return azurite;
            }

            if (!exited || attempt == 3)
            {
                throw new InvalidOperationException($"Azurite did not start (attempt {attempt}; exited early: {exited}).");
            }
        }
    }

    private static async Task<(Azurite? Azurite, bool Exited)> TryStartAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run `npm ci` in the repo root (the README's test command does).");
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        // In memory (--inMemoryPersistence): nothing is written to disk, nothing to clean up.
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--silent", "--loose", "--skipApiVersionCheck", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, blob, queue, table);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { blob, queue, table })
        {
            while (!await AcceptsAsync(port).ConfigureAwait(false))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    var exited = process.HasExited;
                    await azurite.DisposeAsync().ConfigureAwait(false);
                    return (null, exited);
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        return (azurite, false);
    }

    /// <summary>A free loopback TCP port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
