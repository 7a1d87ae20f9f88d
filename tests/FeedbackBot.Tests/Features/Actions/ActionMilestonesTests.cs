using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Actions;

/// <summary><c>feedbackbot actions milestone</c>: an action's dated steps, as its owner records them and a manager reads them.</summary>
public sealed class ActionMilestonesTests
{
    private static readonly string Due = Day(30);
    private static readonly string Training = Day(10);
    private static readonly string RollOut = Day(20);

    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<TestDatabase> AdoptedAsync(DatabaseProvider provider)
    {
        var (database, review, _) = await ActionsCommandTests.ReviewedAsync(provider);
        var adopt = await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", "r1", "--owner", "a@example.com", "--due", Due);
        Assert.True(adopt.ExitCode == 0, adopt.Error);
        return database;
    }

    private static async Task<JsonNode> ShowAsync(TestDatabase database, int action) =>
        JsonNode.Parse((await CliRun.RunAsync(database, "actions", "show", action.ToString(CultureInfo.InvariantCulture), "--format", "json")).Out)!;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Milestone_AddedDoneAndReopened_ShowsEachStepAndLogsEveryChange_AndAddingTheSameTwiceKeepsOne(DatabaseProvider provider)
    {
        await using var database = await AdoptedAsync(provider);
        var yesterday = Day(-1);

        var added = await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Train the team leads", "--due", Training);
        var again = await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", " Train the team leads ", "--due", Training);
        var second = await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Roll the script out", "--due", RollOut);
        var doneOn = await CliRun.RunAsync(database, "actions", "milestone", "1", "--done", "1", "--on", yesterday);
        var doneToday = await CliRun.RunAsync(database, "actions", "milestone", "1", "--done", "2");
        var reopened = await CliRun.RunAsync(database, "actions", "milestone", "1", "--undo", "2");
        var shown = await ShowAsync(database, 1);

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal($"action 1: milestone 1 added: Train the team leads, due {Training}", added.Out.Trim());
        Assert.Equal($"action 1: milestone 1 already added: Train the team leads, due {Training}", again.Out.Trim());
        Assert.Equal($"action 1: milestone 2 added: Roll the script out, due {RollOut}", second.Out.Trim());
        Assert.Equal($"action 1: milestone 1 done on {yesterday}: Train the team leads", doneOn.Out.Trim());
        Assert.Equal($"action 1: milestone 2 done on {Day(0)}: Roll the script out", doneToday.Out.Trim());
        Assert.Equal("action 1: milestone 2 reopened: Roll the script out", reopened.Out.Trim());
        Assert.Equal(
            [(1, "Train the team leads", Training, yesterday), (2, "Roll the script out", RollOut, null)],
            shown["milestones"]!.AsArray().Select(m => ((int)m!["number"]!, (string)m["title"]!, (string)m["due"]!, (string?)m["done_on"])));
        Assert.Equal(
            [
                $"milestone 1 added: Train the team leads, due {Training}",
                $"milestone 2 added: Roll the script out, due {RollOut}",
                $"milestone 1 done on {yesterday}: Train the team leads",
                $"milestone 2 done on {Day(0)}: Roll the script out",
                "milestone 2 reopened: Roll the script out",
            ],
            shown["notes"]!.AsArray().Where(n => (string?)n!["kind"] == "note").Select(n => (string)n!["text"]!));
    }

    [Fact]
    public async Task Show_AnOpenMilestonePastItsDueDate_IsMarkedOverdueInTextAndMarkdown()
    {
        await using var database = await AdoptedAsync(DatabaseProvider.Sqlite);
        var lastWeek = Day(-7);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Agree the new script", "--due", lastWeek)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Train the team leads", "--due", Day(-3))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--done", "2", "--on", Day(-4))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Roll the script out", "--due", RollOut)).ExitCode);

        var text = (await CliRun.RunAsync(database, "actions", "show", "1")).Out;
        var markdown = (await CliRun.RunAsync(database, "actions", "show", "1", "--format", "md")).Out;

        Assert.Contains(
            $"Milestones:\n  1. Agree the new script: due {lastWeek}, open, overdue\n  2. Train the team leads: due {Day(-3)}, done on {Day(-4)}\n  3. Roll the script out: due {RollOut}, open\n",
            text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"## Milestones\n1. Agree the new script: due {lastWeek}, open, overdue\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Milestone_UsageErrors_ExitTwoWithTheReasonAndChangeNothing()
    {
        await using var database = await AdoptedAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Train the team leads", "--due", Training)).ExitCode);
        var review = (string)(await ShowAsync(database, 1))["review"]!;
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "adopt", "--review", review, "--recommendation", "r2", "--owner", "b@example.com", "--due", Due)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "update", "2", "--status", "abandoned")).ExitCode);
        var before = (await ShowAsync(database, 1)).ToJsonString() + (await ShowAsync(database, 2)).ToJsonString();
        (string[] Args, string Error)[] cases =
        [
            (["1"], "Say what to do: --add TEXT --due YYYY-MM-DD"),
            (["1", "--add", "Roll the script out"], "--add needs --due"),
            (["1", "--add", "Roll the script out", "--due", "20/12/2026"], "--due '20/12/2026' is not a date"),
            (["1", "--add", "   ", "--due", RollOut], "--add needs the milestone's title"),
            (["1", "--add", new string('x', 301), "--due", RollOut], "--add is at most 300 characters"),
            (["1", "--done", "1", "--on", "yesterday"], "--on 'yesterday' is not a date"),
            (["1", "--done", "1", "--on", Day(2)], "is in the future"),
            (["1", "--done", "4"], "Action 1 has no milestone 4; its milestones are 1."),
            (["1", "--undo", "4"], "Action 1 has no milestone 4"),
            (["1", "--done", "1", "--undo", "1"], "Give one of --add, --done or --undo at a time."),
            (["1", "--undo", "1", "--on", Day(0)], "--on goes with --done."),
            (["2", "--add", "Roll the script out", "--due", RollOut], "Action 2 is abandoned"),
            (["2", "--done", "1"], "Action 2 is abandoned"),
            (["7", "--done", "1"], "There is no action 7"),
        ];

        foreach (var (args, error) in cases)
        {
            var run = await CliRun.RunAsync(database, ["actions", "milestone", .. args]);
            Assert.True(run.ExitCode == 2, $"{string.Join(' ', args)}: {run.ExitCode} {run.Error}");
            Assert.Contains(error, run.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await ShowAsync(database, 1)).ToJsonString() + (await ShowAsync(database, 2)).ToJsonString());
    }

    [Fact]
    public async Task Export_ActionsWithMilestones_ListsThemInMarkdownAndInTheLastCsvColumn()
    {
        await using var database = await AdoptedAsync(DatabaseProvider.Sqlite);
        var yesterday = Day(-1);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Train the team leads", "--due", Training)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--add", "Roll the script out", "--due", RollOut)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "actions", "milestone", "1", "--done", "1", "--on", yesterday)).ExitCode);

        var csv = await CliRun.RunAsync(database, "actions", "export", "--format", "csv");
        var markdown = await CliRun.RunAsync(database, "actions", "export", "--format", "md");

        Assert.True(csv.ExitCode == 0, csv.Error);
        var lines = csv.Out.Split("\r\n");
        Assert.EndsWith(",created_at,latest_check,log,milestones", lines[0], StringComparison.Ordinal);
        Assert.EndsWith($",\"1. Train the team leads (due {Training}, done {yesterday}); 2. Roll the script out (due {RollOut}, open)\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(
            $"### Milestones\n1. Train the team leads: due {Training}, done on {yesterday}\n2. Roll the script out: due {RollOut}, open\n",
            markdown.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\n### Log\n", markdown.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
