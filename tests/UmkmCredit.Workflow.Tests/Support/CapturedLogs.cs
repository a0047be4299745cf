using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UmkmCredit.Workflow.Tests.Support;

/// <summary>One captured log line.</summary>
public sealed record LogLine(string Category, EventId EventId, LogLevel Level, string Message);

/// <summary>A logger provider that keeps every line in memory (the worker host logs into it).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    /// <summary>Every line so far.</summary>
    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>The lines that mention an application id.</summary>
    public IReadOnlyList<LogLine> About(string applicationId) => Lines.Where(l => l.Message.Contains(applicationId, StringComparison.Ordinal)).ToList();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, eventId, logLevel, formatter(state, exception)));
    }
}
