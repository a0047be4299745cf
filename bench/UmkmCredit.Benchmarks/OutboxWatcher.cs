using MimeKit;

namespace UmkmCredit.Benchmarks;

/// <summary>
/// Reads the server's pickup directory once for every waiter: a single loop lists the folder every 50 ms, parses only
/// the files it has not seen and hands each message (with its file's write time, when it reached the outbox) to the
/// waiters whose predicate matches. Parsing every message on every poll for every waiting application would cost the
/// server's two cores more than the workflow itself.
/// </summary>
internal sealed class OutboxWatcher : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<Arrived> _messages = [];
    private readonly List<(Func<MimeMessage, bool> Match, TaskCompletionSource<Arrived> Done)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public OutboxWatcher(string directory)
    {
        _directory = directory;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>A message and the time it was written into the outbox.</summary>
    internal sealed record Arrived(MimeMessage Message, DateTime WrittenUtc);

    /// <summary>The first message (already there or still to come) that matches.</summary>
    public async Task<Arrived> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<Arrived>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var found = _messages.FirstOrDefault(m => match(m.Message));
            if (found is not null)
            {
                return found;
            }

            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (Directory.Exists(_directory))
            {
                foreach (var file in Directory.EnumerateFiles(_directory, "*.eml"))
                {
                    if (!_seen.Add(file))
                    {
                        continue;
                    }

                    var arrived = new Arrived(MimeMessage.Load(file), File.GetLastWriteTimeUtc(file));
                    lock (_gate)
                    {
                        _messages.Add(arrived);
                        for (var i = _waiters.Count - 1; i >= 0; i--)
                        {
                            if (_waiters[i].Match(arrived.Message))
                            {
                                _waiters[i].Done.TrySetResult(arrived);
                                _waiters.RemoveAt(i);
                            }
                        }
                    }
                }
            }

            await Task.Delay(50, _stop.Token).ConfigureAwait(false);
        }
    }
}
