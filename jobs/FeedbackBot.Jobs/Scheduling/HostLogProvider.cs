using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Hangfire's log provider is process-wide, and each host that configures Hangfire sets it to its own logger factory.
/// When several hosts share a process (the tests, two bots in one process) and the last one to configure Hangfire is
/// disposed first, every other host's Hangfire code would fail asking that factory for a logger; this hands out a
/// silent logger instead, so a host going away never breaks the ones still running.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
