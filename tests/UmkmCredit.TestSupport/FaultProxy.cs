using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UmkmCredit.TestSupport;

/// <summary>
/// A fault-injecting TCP proxy (test double for a network that fails) between a server and one Azurite service.
/// <see cref="Down"/> cuts every open connection and refuses new ones until it is set back. <see cref="Arm"/> fires a
/// callback once, when the storage service answers the first request whose bytes contain a marker (e.g. the
/// ETag-conditional write that marks a link used), and drops that answer: the write is stored, the server never hears so.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Upstream)> _open = new();
    private readonly Task _accepting;
    private int _next;
    private volatile bool _down;
    private volatile string? _marker;
    private Action? _onTrigger;

    private FaultProxy(int target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Local port to connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many times the marker was seen and its callback ran.</summary>
    public int Triggered { get; private set; }

    /// <summary>Storage unreachable: open connections are cut, new ones closed at once.</summary>
    public bool Down
    {
        get => _down;
        set
        {
            _down = value;
            if (value)
            {
                foreach (var (id, pair) in _open)
                {
                    Close(pair);
                    _open.TryRemove(id, out _);
                }
            }
        }
    }

    /// <summary>Starts a proxy to <c>127.0.0.1:<paramref name="targetPort"/></c>.</summary>
    public static FaultProxy Start(int targetPort) => new(targetPort);

    /// <summary>Runs <paramref name="onTrigger"/> once, right after the answer to the first request containing <paramref name="marker"/>.</summary>
    public void Arm(string marker, Action onTrigger)
    {
        _onTrigger = onTrigger;
        _marker = marker;
    }

    /// <summary>
    /// Rewrites an Azurite connection string so that every service goes through a proxy; returns the proxies
    /// (blob, queue, table) and the new connection string.
    /// </summary>
    public static (FaultProxy Blob, FaultProxy Queue, FaultProxy Table, string ConnectionString) Around(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        FaultProxy? blob = null, queue = null, table = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var kv = parts[i].Split('=', 2);
            if (kv[0] is "BlobEndpoint" or "QueueEndpoint" or "TableEndpoint")
            {
                var uri = new Uri(kv[1]);
                var proxy = Start(uri.Port);
                _ = kv[0] switch { "BlobEndpoint" => blob = proxy, "QueueEndpoint" => queue = proxy, _ => table = proxy };
                parts[i] = $"{kv[0]}=http://127.0.0.1:{proxy.Port}{uri.AbsolutePath}";
            }
        }

        return (blob!, queue!, table!, string.Join(';', parts) + ";");
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (_down)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = Task.Run(() => PumpAsync(client));
        }
    }

    private async Task PumpAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        var id = Interlocked.Increment(ref _next);
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token).ConfigureAwait(false);
            client.NoDelay = upstream.NoDelay = true;
            _open[id] = (client, upstream);
            var watched = new StrongBox<bool>();
            await Task.WhenAny(
                CopyAsync(client.GetStream(), upstream.GetStream(), watched, request: true),
                CopyAsync(upstream.GetStream(), client.GetStream(), watched, request: false)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // a cut connection
        }
        finally
        {
            _open.TryRemove(id, out _);
            Close((client, upstream));
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, StrongBox<bool> watched, bool request)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0 || _down)
            {
                return;
            }

            if (request && _marker is { } marker && Encoding.ASCII.GetString(buffer, 0, read).Contains(marker, StringComparison.Ordinal))
            {
                _marker = null;
                watched.Value = true;
            }

            if (!request && watched.Value)
            {
                // The storage service has done the write; its answer never reaches the server.
                watched.Value = false;
                Triggered++;
                _onTrigger?.Invoke();
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
        }
    }

    private static void Close((TcpClient Client, TcpClient Upstream) pair)
    {
        try
        {
            pair.Client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception)
        {
            // already closed
        }

        pair.Client.Dispose();
        pair.Upstream.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var (_, pair) in _open)
        {
            Close(pair);
        }

        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private sealed class StrongBox<T>
    {
        public T Value { get; set; } = default!;
    }
}
