using System.Globalization;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Actions;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Conversations;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Actions;

/// <summary>
/// Improvement actions in chat: the Adopt button beside a review's recommendation, <c>actions</c> with its Update
/// buttons, and the owner's reminders before and after the due date.
/// </summary>
public sealed class ActionsInChatTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task AdoptButton_Manager_FormFilledInFromTheRecommendation_AdoptedOnce_OwnerTold_ReviewSaysActedOn()
    {
        await using var rig = await RigAsync();
        var adopt = await AdoptButtonAsync(rig);

        var form = Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SubmitAsync("morgan", Verbs.OpenAdoption, adopt.Hidden)).Replies));
        var values = Filled(form, owner: "sam");
        var first = await rig.SubmitAsync("morgan", Verbs.AdoptRecommendation, values);
        var again = await rig.SubmitAsync("morgan", Verbs.AdoptRecommendation, values);
        await rig.DeliverAsync();

        Assert.Equal(Verbs.AdoptRecommendation, form.Verb);
        Assert.Equal(["title", "owner", "due", "resources", "cost", "target"], form.Questions.Select(q => q.Id));
        Assert.StartsWith("Raise customers' satisfaction", form.Values[ImprovementActionForms.TitleInput], StringComparison.Ordinal);
        Assert.Equal("morgan", form.Values[ImprovementActionForms.OwnerInput]);
        Assert.Contains("80, its target, when empty", form.Questions.Single(q => q.Id == "target").Text, StringComparison.Ordinal);
        Assert.StartsWith("Adopted as action 1: ", Assert.IsType<TextReply>(Assert.Single(first.Replies)).Text, StringComparison.Ordinal);
        Assert.True(first.ReplacesCard);
        Assert.StartsWith("This recommendation is adopted already as action 1", Assert.IsType<TextReply>(Assert.Single(again.Replies)).Text, StringComparison.Ordinal);

        var action = await rig.WithDbAsync(db => db.ImprovementActions.SingleAsync());
        Assert.Equal(("sam", 1200m, 85d, "morgan", ImprovementActionStatus.Planned), (action.Owner, action.Cost!.Value, action.Target!.Value, action.CreatedBy, action.Status));
        Assert.Equal(await PersonIdAsync(rig, "sam"), action.OwnerPersonId);
        Assert.Equal(50, action.BaselineValue);

        var told = Assert.Single(rig.Sender.Sent, s => s.ConversationId == "conv-sam" && s.Reply is ActionList);
        var list = (ActionList)told.Reply;
        Assert.Equal("You own improvement action 1", list.Title);
        Assert.NotNull(Assert.Single(list.Actions).Update);

        var latest = Assert.IsType<ReviewSummary>(Assert.Single((await rig.SayAsync("morgan", "latest review")).Replies));
        var line = latest.Recommendations.Single(r => r.Title == action.Title || r.ActedOn is not null);
        Assert.Equal("Being acted on: action 1, planned", line.ActedOn);
        Assert.Null(line.Adopt);
    }

    [Fact]
    public async Task AdoptButton_StaffOrABadForm_RefusedWithReasons_NothingStored()
    {
        await using var rig = await RigAsync();
        var adopt = await AdoptButtonAsync(rig);
        var form = Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SubmitAsync("morgan", Verbs.OpenAdoption, adopt.Hidden)).Replies));

        var staffOpens = await rig.SubmitAsync("sam", Verbs.OpenAdoption, adopt.Hidden);
        var staffSubmits = await rig.SubmitAsync("sam", Verbs.AdoptRecommendation, Filled(form, owner: "sam"));
        var bad = await rig.SubmitAsync("morgan", Verbs.AdoptRecommendation, Filled(form, owner: "two words", due: "2020-01-01", cost: "a lot", target: "high"));
        var forged = await rig.SubmitAsync("morgan", Verbs.AdoptRecommendation, new Dictionary<string, string>(Filled(form, owner: "sam")) { [Verbs.PlanField] = Guid.NewGuid().ToString("D") });
        var unknownRecommendation = await rig.SubmitAsync("morgan", Verbs.OpenAdoption, new Dictionary<string, string>(adopt.Hidden) { [Verbs.CycleField] = "r99" });

        Assert.StartsWith("Only managers and admins adopt", Assert.IsType<TextReply>(Assert.Single(staffOpens.Replies)).Text, StringComparison.Ordinal);
        Assert.StartsWith("Only managers and admins adopt", Assert.IsType<TextReply>(Assert.Single(staffSubmits.Replies)).Text, StringComparison.Ordinal);
        var retry = Assert.IsType<SurveyPrompt>(Assert.Single(bad.Replies));
        Assert.Equal(["cost", "due", "owner", "target"], retry.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("two words", retry.Values[ImprovementActionForms.OwnerInput]);
        Assert.StartsWith("That recommendation is not valid any more", Assert.IsType<TextReply>(Assert.Single(forged.Replies)).Text, StringComparison.Ordinal);
        Assert.StartsWith("That recommendation is not valid any more", Assert.IsType<TextReply>(Assert.Single(unknownRecommendation.Replies)).Text, StringComparison.Ordinal);
        Assert.Equal(0, await rig.WithDbAsync(db => db.ImprovementActions.CountAsync()));
    }

    [Fact]
    public async Task Actions_Owner_ListsOpenOnesWithUpdateButtons_UpdateMarksImplemented_OthersRefused()
    {
        await using var rig = await RigAsync();
        await rig.MeetAsync("kim");
        await AdoptAsync(rig, owner: "sam");

        Assert.Equal(0, (await CliRun.RunAsync(rig.Database, "actions", "milestone", "1", "--add", "Rota agreed with team leads", "--due", "2098-06-01")).ExitCode);
        var listed = Assert.IsType<ActionList>(Assert.Single((await rig.SayAsync("sam", "actions")).Replies));
        var button = Assert.Single(listed.Actions).Update!;
        Assert.EndsWith("next milestone: Rota agreed with team leads, due 1 Jun 2098", listed.Actions[0].Detail, StringComparison.Ordinal);
        var form = Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SubmitAsync("sam", Verbs.OpenImprovementActionUpdate, button.Hidden)).Replies));
        var live = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var update = Answers(form, ("status", "implemented"), ("implemented_on", live), ("note", "Rota changed on Monday"));
        var saved = await rig.SubmitAsync("sam", Verbs.UpdateImprovementAction, update);
        await rig.SubmitAsync("sam", Verbs.UpdateImprovementAction, update);
        var refused = await rig.SubmitAsync("kim", Verbs.UpdateImprovementAction, Answers(form, ("status", "abandoned")));
        var future = await rig.SubmitAsync("sam", Verbs.UpdateImprovementAction, Answers(form, ("status", "implemented"), ("implemented_on", "2099-01-01"), ("due", "2020-01-01")));
        var nothingForKim = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("kim", "actions")).Replies));

        Assert.Equal("planned", form.Values["status"]);
        Assert.Equal("Action 1 updated", Assert.IsType<ActionList>(Assert.Single(saved.Replies)).Title);
        Assert.StartsWith("Only the action's owner", Assert.IsType<TextReply>(Assert.Single(refused.Replies)).Text, StringComparison.Ordinal);
        Assert.Equal(["due", "implemented_on"], Assert.IsType<SurveyPrompt>(Assert.Single(future.Replies)).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("You have no open improvement actions.", nothingForKim.Text);
        var action = await rig.WithDbAsync(db => db.ImprovementActions.Include(a => a.Notes).SingleAsync());
        Assert.Equal((ImprovementActionStatus.Implemented, DateOnly.ParseExact(live, "yyyy-MM-dd", CultureInfo.InvariantCulture)), (action.Status, action.ImplementedOn));
        Assert.Single(action.Notes, n => n.Text == "Rota changed on Monday" && n.Author == "sam");
        Assert.Single(action.Notes, n => n.Kind == "status" && n.Text.StartsWith("implemented", StringComparison.Ordinal));
        var cli = await CliRun.RunAsync(rig.Database, "actions", "show", "1");
        Assert.Contains("Rota changed on Monday (sam)", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindAsync_DueSoonThenOverdue_OwnerRemindedOnceEachInTheirPrivateChat_NotOnceDone()
    {
        await using var rig = await RigAsync();
        await AdoptAsync(rig, owner: "sam");
        await MoveAsync(rig, due: Today.AddDays(2));

        await RemindAsync(rig);
        await RemindAsync(rig);
        await MoveAsync(rig, due: Today.AddDays(-1));
        await RemindAsync(rig);
        await RemindAsync(rig);
        var sentBeforeDone = Reminders(rig);
        await CliRun.RunAsync(rig.Database, "actions", "update", "1", "--status", "implemented");
        await MoveAsync(rig, due: Today.AddDays(-2));
        await RemindAsync(rig);

        Assert.Equal(
            ["You own improvement action 1", $"Reminder: action 1 is due on {ActionLines.Day(Today.AddDays(2))}", $"Action 1 is overdue: it was due on {ActionLines.Day(Today.AddDays(-1))}"],
            sentBeforeDone.Select(r => r.Title));
        Assert.All(sentBeforeDone, r => Assert.NotNull(Assert.Single(r.Actions).Update));
        Assert.Equal(sentBeforeDone.Count, Reminders(rig).Count);
    }

    [Fact]
    public async Task RemindAsync_OwnerUnknownWhenAdopted_ToldOnceTheyTalkToTheBot()
    {
        await using var rig = await RigAsync();
        await AdoptAsync(rig, owner: "lee");

        await RemindAsync(rig);
        var beforeLeeTalks = Reminders(rig).Count;
        await rig.MeetAsync("lee");
        await RemindAsync(rig);
        await RemindAsync(rig);

        Assert.Equal(0, beforeLeeTalks);
        var told = Assert.Single(rig.Sender.Sent, s => s.Reply is ActionList);
        Assert.Equal("conv-lee", told.ConversationId);
        Assert.Equal(await PersonIdAsync(rig, "lee"), (await rig.WithDbAsync(db => db.ImprovementActions.SingleAsync())).OwnerPersonId);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task RemindAsync_SeveralInstancesAtOnce_OwnerRemindedOnce(DatabaseProvider provider)
    {
        await using var rig = await RigAsync(provider);
        await AdoptAsync(rig, owner: "lee");
        await rig.MeetAsync("lee");
        await MoveAsync(rig, due: Today.AddDays(-3));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => rig.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<ActionReminders>().RemindAsync(CancellationToken.None);
            return true;
        })));
        await rig.DeliverAsync();

        Assert.Equal(
            ["You own improvement action 1", $"Action 1 is overdue: it was due on {ActionLines.Day(Today.AddDays(-3))}"],
            Reminders(rig).Select(r => r.Title).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(2, await rig.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.ActionReminder)));
    }

    private static async Task<ConversationRig> RigAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var rig = await ConversationRig.CreateAsync(provider);
        await rig.MeetAsync("morgan");
        await rig.MeetAsync("sam");
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(rig.Database, "import", "people", folder.Write("people.csv", "person,name,team,role\nmorgan,Morgan,service,manager\nsam,Sam,service,staff\n"))).ExitCode);
        await CsatWeekly.ReviewAWeekAsync(CliRun.Settings(rig.Database));
        return rig;
    }

    // The Adopt button of the review's recommendation on the KPI, as the manager's "latest review" shows it.
    private static async Task<FormButton> AdoptButtonAsync(ConversationRig rig)
    {
        var summary = Assert.IsType<ReviewSummary>(Assert.Single((await rig.SayAsync("morgan", "latest review")).Replies));
        Assert.NotNull(summary.ReviewId);
        return summary.Recommendations.Select(r => r.Adopt).OfType<FormButton>().First();
    }

    private static async Task AdoptAsync(ConversationRig rig, string owner)
    {
        var adopt = await AdoptButtonAsync(rig);
        var form = Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SubmitAsync("morgan", Verbs.OpenAdoption, adopt.Hidden)).Replies));
        var adopted = await rig.SubmitAsync("morgan", Verbs.AdoptRecommendation, Filled(form, owner, due: "2099-01-01"));
        Assert.StartsWith("Adopted as action", Assert.IsType<TextReply>(Assert.Single(adopted.Replies)).Text, StringComparison.Ordinal);
        await rig.DeliverAsync();
    }

    private static Dictionary<string, string> Filled(SurveyPrompt form, string owner, string due = "2099-01-01", string cost = "1200", string target = "85") =>
        Answers(form, ("title", form.Values["title"]), ("owner", owner), ("due", due), ("resources", "Two team leads, a day each"), ("cost", cost), ("target", target));

    private static Dictionary<string, string> Answers(SurveyPrompt form, params (string Id, string Value)[] answers)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Verbs.PlanField] = form.PlanId,
            [Verbs.CycleField] = form.CycleId,
            [Verbs.CardField] = form.CardId,
        };
        foreach (var (id, value) in answers)
        {
            values[id] = value;
        }

        return values;
    }

    // The action's due date moved, and its adoption a week before the window, as if adopted long ago.
    private static Task<int> MoveAsync(ConversationRig rig, DateOnly due) => rig.WithDbAsync(db =>
        db.ImprovementActions.ExecuteUpdateAsync(set => set
            .SetProperty(a => a.DueOn, due)
            .SetProperty(a => a.CreatedAt, due.AddDays(-ActionReminders.DaysBefore - 7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))));

    private static async Task RemindAsync(ConversationRig rig)
    {
        await rig.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<ActionReminders>().RemindAsync(CancellationToken.None);
            return true;
        });
        await rig.DeliverAsync();
    }

    private static List<ActionList> Reminders(ConversationRig rig) => [.. rig.Sender.Sent.Select(s => s.Reply).OfType<ActionList>()];

    private static Task<Guid> PersonIdAsync(ConversationRig rig, string user) =>
        rig.WithDbAsync(db => db.People.Where(p => p.ChannelUserId == user).Select(p => p.Id).SingleAsync());
}
