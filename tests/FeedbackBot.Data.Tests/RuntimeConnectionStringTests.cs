using Npgsql;

namespace FeedbackBot.Data.Tests;

/// <summary>The bot's own PostgreSQL connections skip Npgsql's reset on return to the pool, unless the operator decided.</summary>
public sealed class RuntimeConnectionStringTests
{
    [Fact]
    public void RuntimeConnectionString_PostgresWithoutASayOnReset_SkipsTheReset()
    {
        var runtime = new NpgsqlConnectionStringBuilder(
            FeedbackDatabase.RuntimeConnectionString(DatabaseProvider.Postgres, "Host=db;Database=feedback;Username=bot;Password=s3cret"));

        Assert.True(runtime.NoResetOnClose);
        Assert.Equal("db", runtime.Host);
        Assert.Equal("s3cret", runtime.Password);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=false")]
    public void RuntimeConnectionString_OperatorSaysReset_Kept(string configured)
    {
        var runtime = new NpgsqlConnectionStringBuilder(FeedbackDatabase.RuntimeConnectionString(DatabaseProvider.Postgres, configured));

        Assert.False(runtime.NoResetOnClose);
    }

    [Fact]
    public void RuntimeConnectionString_Sqlite_Unchanged()
    {
        Assert.Equal("Data Source=data/x.db", FeedbackDatabase.RuntimeConnectionString(DatabaseProvider.Sqlite, "Data Source=data/x.db"));
    }
}
