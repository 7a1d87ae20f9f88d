using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Tests.Support;

/// <summary>Every log entry the host writes, in order, so a test can read what an operator would see.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private long _sequence;

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The position of the next entry: take one before an event to read only what came after it.</summary>
    public long Mark => Interlocked.Read(ref _sequence);

    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public IReadOnlyList<LogEntry> Since(long mark, LogLevel atLeast) => [.. _entries.Where(e => e.Sequence >= mark && e.Level >= atLeast)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var sequence = Interlocked.Increment(ref capture._sequence) - 1;
            capture._entries.Enqueue(new LogEntry(sequence, category, logLevel, formatter(state, exception), exception));
        }
    }
}

/// <summary>One log entry: its exception, when it has one, is what prints as a stack trace.</summary>
internal sealed record LogEntry(long Sequence, string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " [" + Exception.GetType().Name + "]")}";
}
