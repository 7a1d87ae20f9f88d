using FeedbackBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary>Rejects a database configuration at start-up, with one message naming the key that is wrong.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (DatabaseOptions.ParseProvider(options.ProviderName) is null)
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.ProviderKey} must be Sqlite or Postgres, not '{options.ProviderName}'.");
        }

        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConfiguredConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.ConnectionStringKey} is required when {DatabaseOptions.ProviderKey} is Postgres " +
                "(for example Host=localhost;Database=feedbackbot;Username=feedbackbot;Password=...).");
        }

        try
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    return ValidateOptionsResult.Fail($"{DatabaseOptions.ConnectionStringKey} names no Host.");
                }
            }
            else if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource))
            {
                return ValidateOptionsResult.Fail($"{DatabaseOptions.ConnectionStringKey} names no Data Source.");
            }
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.ConnectionStringKey} is malformed: {e.Message}");
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.ConnectionStringKey} is malformed: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
