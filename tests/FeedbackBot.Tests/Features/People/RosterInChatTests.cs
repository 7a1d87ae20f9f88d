using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Conversations;
using FeedbackBot.Tests.Features.Cycles;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.People;

/// <summary>What a roster changes in chat: who the admin is, and the groups <c>status</c> shows.</summary>
public sealed class RosterInChatTests
{
    [Fact]
    public async Task Help_RosterImportedBeforeAnyoneSpoke_TheFirstToSpeakIsTheAdmin()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var imported = await CliRun.RunAsync(rig.Database, "import", "people", folder.Write("people.csv", "person,team,role\nsam,phones,staff\nkim,email,manager\n"));
        Assert.True(imported.ExitCode == 0, imported.Error);

        var sam = Assert.IsType<HelpReply>(Assert.Single((await rig.SayAsync("sam", "help")).Replies));
        var kim = Assert.IsType<HelpReply>(Assert.Single((await rig.SayAsync("kim", "help")).Replies));
        var lee = Assert.IsType<HelpReply>(Assert.Single((await rig.SayAsync("lee", "help")).Replies));

        Assert.Equal((PersonRole.Admin, PersonRole.Manager, PersonRole.Staff), (sam.Role, kim.Role, lee.Role));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Status_StratifiedPulseAfterImportPeople_ShowsTheRosterTeams(DatabaseProvider provider)
    {
        await using var rig = await ConversationRig.CreateAsync(provider);
        var teams = new[] { ("ada", "phones"), ("bo", "phones"), ("cy", "phones"), ("di", "phones"), ("ed", "email"), ("fi", "email"), ("gu", "email"), ("hu", "chat"), ("io", "chat"), ("jo", "chat") };
        foreach (var (name, _) in teams)
        {
            await rig.MeetAsync(name);
        }

        using var folder = new TempFolder();
        var roster = folder.Write("people.csv", "person,team,region\n" + string.Concat(teams.Select(t => $"{t.Item1},{t.Item2},north\n")));
        var imported = await CliRun.RunAsync(rig.Database, "import", "people", roster);
        Assert.True(imported.ExitCode == 0, imported.Error);
        using (var plan = await PlanFiles.WriteAsync(CycleRig.Plan(sample: "method: stratified\nby: team\nsize: 10")))
        {
            Assert.Equal(0, (await CliRun.RunAsync(rig.Database, "plans", "apply", plan.Path)).ExitCode);
        }

        await rig.SayAsync("ada", "start pulse pulse");

        var status = Text(await rig.SayAsync("ada", "status pulse"));

        Assert.Contains("Invited 10, answered 0 (0%)", status, StringComparison.Ordinal);
        Assert.Contains("By team:", status, StringComparison.Ordinal);
        Assert.Contains("- chat: 0 of 3 (0%)", status, StringComparison.Ordinal);
        Assert.Contains("- email: 0 of 3 (0%)", status, StringComparison.Ordinal);
        Assert.Contains("- phones: 0 of 4 (0%)", status, StringComparison.Ordinal);
        Assert.DoesNotContain("(none)", status, StringComparison.Ordinal);
    }

    private static string Text(ConversationTurn turn) => Assert.IsType<TextReply>(Assert.Single(turn.Replies)).Text;
}
