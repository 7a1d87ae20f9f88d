using Npgsql;

namespace FeedbackBot.Data.Tests;

/// <summary>
/// The bot's own PostgreSQL connections skip Npgsql's reset on return to the pool and prepare the statements they run
/// often, unless the operator decided either.
/// </summary>
public sealed class RuntimeConnectionStringTests
{
    [Fact]
    public void RuntimeConnectionString_PostgresWithoutASayOnReset_SkipsTheReset()
    {
        var runtime = new NpgsqlConnectionStringBuilder(
            FeedbackDatabase.RuntimeConnectionString(DatabaseProvider.Postgres, "Host=db;Database=feedback;Username=bot;Password=s3cret"));

        Assert.True(runtime.NoResetOnClose);
        Assert.Equal(50, runtime.MaxAutoPrepare);
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

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=7", 7)]
    public void RuntimeConnectionString_OperatorSetsAutoPreparation_Kept(string configured, int expected)
    {
        var runtime = new NpgsqlConnectionStringBuilder(FeedbackDatabase.RuntimeConnectionString(DatabaseProvider.Postgres, configured));

        Assert.Equal(expected, runtime.MaxAutoPrepare);
        Assert.True(runtime.NoResetOnClose);
    }

    [Fact]
    public void RuntimeConnectionString_Sqlite_Unchanged()
    {
        Assert.Equal("Data Source=data/x.db", FeedbackDatabase.RuntimeConnectionString(DatabaseProvider.Sqlite, "Data Source=data/x.db"));
    }
}
