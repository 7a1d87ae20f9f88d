using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.CommandLine;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("serve", "--help")]
    [InlineData("migrate", "--help")]
    [InlineData("plans", "--help")]
    [InlineData("plans", "apply", "--help")]
    [InlineData("plans", "list", "--help")]
    [InlineData("plans", "show", "--help")]
    public async Task Help_AnyCommand_PrintsUsageAndExitsZero(params string[] args)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
    }

    [Theory]
    [InlineData("reveiw", "review")]
    [InlineData("plnas", "plans")]
    [InlineData("migrat", "migrate")]
    public async Task MistypedCommand_ExitsTwoSuggestingTheCommand(string typed, string meant)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), typed);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"unrecognised argument '{typed}'; did you mean '{meant}'? See 'feedbackbot --help'.", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("plnas", "list")]
    [InlineData("plans", "apply")]
    [InlineData("plans", "show")]
    [InlineData("plans", "list", "--format", "xml")]
    [InlineData("migrate", "extra")]
    public async Task BadArguments_AnyCommand_ExitsTwoWithAMessage(params string[] args)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.ErrorLines);
        Assert.Empty(run.Out);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_EmptyDatabase_AppliesThenReportsUpToDate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await CliRun.RunAsync(database, "migrate");
        var second = await CliRun.RunAsync(database, "migrate");

        Assert.Equal(0, first.ExitCode);
        var migrations = typeof(FeedbackDbContext).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
        Assert.Contains($"Applied {migrations} migration(s)", first.Out);
        Assert.Contains("InitialSchema", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("database is up to date", second.Out);
    }

    [Fact]
    public async Task Migrate_UnknownProvider_ExitsTwoNamingTheKey()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" }, "migrate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("feedbackbot: configuration: Database:Provider must be Sqlite or Postgres, not 'Oracle'.", run.ErrorLines.Single());
    }

    [Fact]
    public async Task Migrate_PostgresWithoutConnectionString_ExitsTwoNamingTheKey()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" }, "migrate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("feedbackbot: configuration: ConnectionStrings:Feedback is required when Database:Provider is Postgres", run.ErrorLines.Single());
    }

    [Fact]
    public async Task Migrate_MalformedConnectionString_ExitsTwoNamingTheKey()
    {
        var run = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Feedback"] = "Hostess=nowhere;;=" },
            "migrate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("feedbackbot: configuration: ConnectionStrings:Feedback is malformed", run.ErrorLines.Single());
    }

    [Fact]
    public async Task Migrate_UnreachableServer_ExitsOneWithADatabaseError()
    {
        var run = await CliRun.RunAsync(
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Feedback"] = "Host=127.0.0.1;Port=1;Username=x;Timeout=2",
            },
            "migrate");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("feedbackbot: database:", run.ErrorLines.Single());
    }

    [Fact]
    public async Task ConfigurationOverride_OnTheCommandLine_IsUsed()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "migrate", "--Database:Provider=Oracle");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not 'Oracle'", run.Error);
    }
}
