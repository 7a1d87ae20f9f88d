using Microsoft.Extensions.Logging;
using HangfireLog = Hangfire.Logging;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Hangfire's logging is process-wide, and its classes keep the loggers they were first given: pointing it at one
/// host's logger factory breaks every later host in the process once that one is disposed. This one provider, set
/// once, passes each message to the logger factory of the host attached last, and drops it when there is none.
/// </summary>
internal sealed class HangfireLogBridge : HangfireLog.ILogProvider
{
    public static readonly HangfireLogBridge Instance = new();

    private ILoggerFactory? _factory;

    public void Attach(ILoggerFactory factory) => Volatile.Write(ref _factory, factory);

    public void Detach(ILoggerFactory factory) => Interlocked.CompareExchange(ref _factory, null, factory);

    public HangfireLog.ILog GetLogger(string name) => new Forwarder(this, name);

    private sealed class Forwarder(HangfireLogBridge bridge, string name) : HangfireLog.ILog
    {
        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (Volatile.Read(ref bridge._factory) is not { } factory)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLog.LogLevel.Trace => LogLevel.Trace,
                HangfireLog.LogLevel.Debug => LogLevel.Debug,
                HangfireLog.LogLevel.Info => LogLevel.Information,
                HangfireLog.LogLevel.Warn => LogLevel.Warning,
                HangfireLog.LogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                var logger = factory.CreateLogger(name);
                if (messageFunc is null || !logger.IsEnabled(level))
                {
                    return logger.IsEnabled(level);
                }

#pragma warning disable CA1848, CA2254 // Hangfire's messages arrive formatted; there is no template to cache.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                // The host was disposed between the check and the write; its messages have nowhere to go.
                return false;
            }
        }
    }
}

/// <summary>Detaches a host's logger factory from <see cref="HangfireLogBridge"/> when the host's container is disposed.</summary>
internal sealed class HangfireLogAttachment : IDisposable
{
    private readonly ILoggerFactory _factory;

    public HangfireLogAttachment(ILoggerFactory factory)
    {
        _factory = factory;
        HangfireLogBridge.Instance.Attach(factory);
    }

    public void Dispose() => HangfireLogBridge.Instance.Detach(_factory);
}
