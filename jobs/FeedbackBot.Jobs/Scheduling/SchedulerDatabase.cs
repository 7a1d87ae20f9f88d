using FeedbackBot.Data;
using Microsoft.Extensions.Configuration;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// The bot's own database, read from the same keys the host validates (<c>Database:Provider</c>,
/// <c>ConnectionStrings:Feedback</c>): Hangfire keeps its jobs beside the bot's data.
/// </summary>
public sealed record SchedulerDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static SchedulerDatabase From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Database:Provider"]?.Trim().ToUpperInvariant() switch
        {
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => DatabaseProvider.Sqlite,
        };
        var configured = configuration["ConnectionStrings:Feedback"];
        var connectionString = string.IsNullOrWhiteSpace(configured) && provider == DatabaseProvider.Sqlite
            ? FeedbackDatabase.DefaultSqliteConnectionString
            : configured ?? string.Empty;
        return new SchedulerDatabase(provider, connectionString);
    }
}
