using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Data.Outage;

/// <summary>
/// Whether the database is away, as this process last found it, told to the operator once when it goes and once when
/// it is back. Without it, every request and every background loop that needed the database while it restarted wrote
/// its own stack trace: about 1,400 lines for four seconds, which hid the one fact that mattered.
/// </summary>
public sealed class DatabaseOutage(TimeProvider clock, ILogger<DatabaseOutage> logger)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private int _failures;

    /// <summary>True from the first failure to reach the database until a connection opens again.</summary>
    public bool IsAway
    {
        get
        {
            lock (_gate)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps) says the database could not be reached or dropped the
    /// connection, rather than that the statement itself was wrong.
    /// </summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db && (db.IsTransient || IsConnectionState(db.SqlState)))
            {
                return true;
            }

            if (e is System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Notes a failure; the first of an outage is logged, with the reason, and the rest only counted.</summary>
    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            _failures++;
            if (_since is not null)
            {
                return;
            }

            _since = clock.GetUtcNow();
        }

        // Idle pooled connections died with the server; without this each would fail once more after it is back.
        Npgsql.NpgsqlConnection.ClearAllPools();

        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        logger.LogWarning(
            "The database cannot be reached ({Reason}); work that needs it fails until it is back, and /readyz says not ready.",
            Reason(exception));
    }

    /// <summary>Notes that a connection opened: the end of an outage, if there was one, is logged once.</summary>
    public void Reached()
    {
        TimeSpan away;
        int failures;
        lock (_gate)
        {
            if (_since is not { } since)
            {
                return;
            }

            away = clock.GetUtcNow() - since;
            failures = _failures;
            _since = null;
            _failures = 0;
        }

        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var seconds = Math.Round(away.TotalSeconds, 1);
        logger.LogInformation("The database is reachable again after {Seconds} s; {Failures} attempts to use it failed meanwhile.", seconds, failures);
    }

    // SQLSTATE class 08 is a connection exception; 57P01–57P03 are the server shutting down or starting.
    private static bool IsConnectionState(string? state) =>
        state is not null && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal));

    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }
}
