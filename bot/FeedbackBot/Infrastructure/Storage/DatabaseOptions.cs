using FeedbackBot.Data;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary>Which database the bot uses: <c>Database:Provider</c> and <c>ConnectionStrings:Feedback</c>.</summary>
public sealed class DatabaseOptions
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Feedback";

    /// <summary>As configured: Sqlite (the default) or Postgres.</summary>
    public string? ProviderName { get; set; }

    /// <summary>As configured; for SQLite, empty means <see cref="FeedbackDatabase.DefaultSqliteConnectionString"/>.</summary>
    public string? ConfiguredConnectionString { get; set; }

    public DatabaseProvider Provider => ParseProvider(ProviderName) ?? DatabaseProvider.Sqlite;

    public string ConnectionString =>
        string.IsNullOrWhiteSpace(ConfiguredConnectionString) && Provider == DatabaseProvider.Sqlite
            ? FeedbackDatabase.DefaultSqliteConnectionString
            : ConfiguredConnectionString ?? string.Empty;

    public static DatabaseProvider? ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => null,
    };
}
