using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Conversations;
using FeedbackBot.Tests.Features.Cycles;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Plans;

/// <summary>plans, status, pause and resume in chat, as a manager uses them.</summary>
public sealed class PlanCommandsTests
{
    [Fact]
    public async Task Plans_Manager_SeesEachPlanWithItsStateAndNextRun()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("ada");
        await rig.ApplyExamplePlansAsync();

        var text = Text(await rig.SayAsync("ada", "plans"));

        Assert.Contains("**customer-experience** (Customer experience): active; next cycle opens", text, StringComparison.Ordinal);
        Assert.Contains("**staff-pulse** (Staff pulse): active; next cycle opens", text, StringComparison.Ordinal);
        Assert.Contains("(Europe/London)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseAndResume_Manager_StopsAndRestartsThePlan()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("ada");
        await rig.ApplyExamplePlansAsync();

        var paused = Text(await rig.SayAsync("ada", "pause staff-pulse"));
        var listed = Text(await rig.SayAsync("ada", "plans"));
        var pulse = Text(await rig.SayAsync("ada", "start pulse staff-pulse"));
        var again = Text(await rig.SayAsync("ada", "pause staff-pulse"));
        var resumed = Text(await rig.SayAsync("ada", "resume staff-pulse"));

        Assert.StartsWith("Paused **staff-pulse**", paused, StringComparison.Ordinal);
        Assert.Contains("**staff-pulse** (Staff pulse): paused", listed, StringComparison.Ordinal);
        Assert.Contains("is paused", pulse, StringComparison.Ordinal);
        Assert.Equal("**staff-pulse** is already paused.", again);
        Assert.StartsWith("Resumed **staff-pulse**", resumed, StringComparison.Ordinal);
        Assert.Equal(PlanState.Active, await rig.WithDbAsync(db => db.Plans.Where(p => p.Key == "staff-pulse").Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task PlanCommands_Staff_AreRefusedAndChangeNothing()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("ada");
        await rig.MeetAsync("sam");
        await rig.ApplyExamplePlansAsync();

        var answers = new[] { "plans", "pause staff-pulse", "status staff-pulse" }.Select(c => rig.SayAsync("sam", c));

        Assert.All(await Task.WhenAll(answers), turn => Assert.StartsWith("Only managers", Text(turn), StringComparison.Ordinal));
        Assert.Equal(PlanState.Active, await rig.WithDbAsync(db => db.Plans.Where(p => p.Key == "staff-pulse").Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task Status_GroupsBelowTheMinimum_AreWithheldWithTheNextSmallest()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        var people = new[] { ("ada", "north"), ("bo", "north"), ("cy", "north"), ("di", "north"), ("ed", "north"), ("fi", "south"), ("gu", "south"), ("hu", "south"), ("io", "south"), ("jo", "east") };
        foreach (var (name, _) in people)
        {
            await rig.MeetAsync(name);
        }

        await rig.WithDbAsync(async db =>
        {
            foreach (var (name, team) in people)
            {
                var person = await db.People.SingleAsync(p => p.ChannelUserId == name);
                db.PersonSegments.Add(new PersonSegment { PersonId = person.Id, Name = "team", Value = team });
            }

            return await db.SaveChangesAsync();
        });
        using (var file = await PlanFiles.WriteAsync(CycleRig.Plan(sample: "method: stratified\nby: team\nsize: 10")))
        {
            Assert.Equal(0, (await CliRun.RunAsync(rig.Database, "plans", "apply", file.Path)).ExitCode);
        }

        await rig.SayAsync("ada", "start pulse pulse");

        var status = Text(await rig.SayAsync("ada", "status pulse"));

        Assert.Contains("Invited 10, answered 0 (0%)", status, StringComparison.Ordinal);
        Assert.Contains("- north: 0 of 5 (0%)", status, StringComparison.Ordinal);
        Assert.DoesNotContain("south", status, StringComparison.Ordinal);
        Assert.DoesNotContain("east", status, StringComparison.Ordinal);
        Assert.Contains("2 smaller groups are not shown: fewer than 3 people.", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_WhileACycleIsOpen_SaysUntilWhenAndOpensNothing()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("ada");
        await rig.MeetAsync("sam");
        await rig.ApplyExamplePlansAsync();
        await rig.SayAsync("ada", "start pulse staff-pulse");
        var cycle = await rig.WithDbAsync(db => db.ReviewCycles.SingleAsync());

        var text = Text(await rig.SayAsync("ada", "run staff-pulse now"));

        Assert.Equal(
            $"A cycle of **staff-pulse** is already open until {cycle.EndsAt.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC, so I opened no other; **status staff-pulse** shows how it is going.",
            text);
        Assert.Equal(1, await rig.WithDbAsync(db => db.ReviewCycles.CountAsync()));
        Assert.DoesNotContain(rig.AllJobNames(), name => name.EndsWith("open a cycle now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_UnknownPlanOrNoCycle_SaysSo()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("ada");
        await rig.ApplyExamplePlansAsync();

        Assert.Equal("There is no plan **nope** here.", Text(await rig.SayAsync("ada", "status nope")));
        Assert.Equal("**staff-pulse** has not had a cycle yet.", Text(await rig.SayAsync("ada", "status staff-pulse")));
    }

    private static string Text(ConversationTurn turn) => Assert.IsType<TextReply>(Assert.Single(turn.Replies)).Text;
}
