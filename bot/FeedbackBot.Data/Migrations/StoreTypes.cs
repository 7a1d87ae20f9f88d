namespace FeedbackBot.Data.Migrations;

/// <summary>
/// Column types for hand-written migrations, per provider. They must equal what the model maps each property to;
/// MigrationsMatchModelTests proves it on both databases.
/// </summary>
internal sealed class StoreTypes(string? activeProvider)
{
    private readonly bool _postgres = activeProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    public bool IsPostgres => _postgres;

    public string Guid => _postgres ? "uuid" : "TEXT";
    public string Int => _postgres ? "integer" : "INTEGER";
    public string Bool => _postgres ? "boolean" : "INTEGER";
    public string Double => _postgres ? "double precision" : "REAL";
    public string Timestamp => _postgres ? "timestamp with time zone" : "TEXT";
    public string Text => _postgres ? "text" : "TEXT";
    public string Date => _postgres ? "date" : "TEXT";
    public string Bytes => _postgres ? "bytea" : "BLOB";
    public string Money => _postgres ? "numeric(18,2)" : "TEXT";

    public string String(int maxLength) => _postgres ? $"character varying({maxLength})" : "TEXT";
}
