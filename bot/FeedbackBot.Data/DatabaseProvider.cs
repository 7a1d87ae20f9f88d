namespace FeedbackBot.Data;

public enum DatabaseProvider
{
    /// <summary>The embedded default: a file on local disk, no server.</summary>
    Sqlite,

    /// <summary>Production: a shared server, several bot instances.</summary>
    Postgres,
}
