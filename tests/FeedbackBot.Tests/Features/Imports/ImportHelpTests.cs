using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.DataImports;

public sealed class ImportHelpTests
{
    [Theory]
    [InlineData("import", "--help")]
    [InlineData("import", "responses", "--help")]
    [InlineData("import", "complaints", "--help")]
    [InlineData("import", "metrics", "--help")]
    [InlineData("import", "contacts", "--help")]
    [InlineData("contacts", "--help")]
    [InlineData("contacts", "list", "--help")]
    [InlineData("contacts", "erase", "--help")]
    public async Task Help_ImportCommands_PrintsUsageAndExitsZero(params string[] args)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import", "responses", "file.csv", "--cycle", "2026-10-05..2026-10-11")]
    [InlineData("import", "responses", "file.csv", "--plan", "customer-experience")]
    [InlineData("import", "metrics", "--plan", "customer-experience")]
    [InlineData("import", "contacts", "file.csv")]
    [InlineData("contacts", "list")]
    public async Task Import_MissingArgument_ExitsTwo(params string[] args)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.ErrorLines);
    }
}
