using System.Globalization;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Coaching;
using FeedbackBot.Tests.Conversations;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Coaching;

/// <summary>
/// QA in chat over a real database: a manager scores an interaction, the agent gets it privately through the outbox,
/// answers it and agrees an action, and the manager is sent the answer; who may read whose evaluation.
/// </summary>
public sealed class CoachingInChatTests
{
    private static async Task<ConversationRig> RigAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var rig = await ConversationRig.CreateAsync(provider);
        await rig.MeetAsync("morgan");
        await rig.MeetAsync("sam");
        await rig.ApplyExamplePlansAsync();
        return rig;
    }

    private static Dictionary<string, string> Scored(SurveyPrompt prompt, string greeting = "yes", string identity = "yes") => new()
    {
        [Verbs.PlanField] = prompt.PlanId,
        [Verbs.CycleField] = prompt.CycleId,
        [Verbs.CardField] = prompt.CardId,
        ["interaction"] = "CALL-50101",
        ["channel"] = "phone",
        ["interaction_date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["purpose"] = "feedback",
        ["c.greeting"] = greeting,
        ["c.identity_checked"] = identity,
        ["c.listened"] = "3",
        ["comment.listened"] = "Interrupted the customer twice.",
        ["c.resolved"] = "yes",
        ["c.hold_explained"] = "na",
        ["went_well"] = "Found the billing error quickly.",
        ["to_improve"] = "Let the customer finish before answering.",
    };

    private static async Task<SurveyPrompt> ScorecardAsync(ConversationRig rig, string text = "qa score Sam phone-call") =>
        Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SayAsync("morgan", text)).Replies));

    [Fact]
    public async Task QaScore_ManagerScoresSam_SamAnswersAndAgreesAnActionAndTheManagerIsSentIt()
    {
        await using var rig = await RigAsync();
        var scorecard = await ScorecardAsync(rig);

        var saved = await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(scorecard));
        await rig.DeliverAsync();

        // greeting 1, identity 1, listened (3 − 1) / 4 × 2 = 1, resolved 1 × 2, hold n/a: 100 × 5 / 6.
        var view = Assert.IsType<EvaluationView>(Assert.Single(saved.Replies));
        Assert.True(saved.ReplacesCard);
        Assert.Equal(83.3, Math.Round(view.Score!.Value, 1));
        Assert.True(view.Passed);
        Assert.Contains("Sam gets it privately", view.Note, StringComparison.Ordinal);
        var toSam = Assert.Single(rig.Sender.Sent, s => s.ConversationId == "conv-sam");
        var feedback = Assert.IsType<EvaluationView>(toSam.Reply);
        Assert.Equal("Your evaluation from Morgan", feedback.Title);
        Assert.Equal("Interrupted the customer twice.", feedback.Criteria.Single(c => c.Criterion.StartsWith("Let the customer", StringComparison.Ordinal)).Comment);
        var form = Assert.IsType<SurveyPrompt>(feedback.Form);

        var answered = await rig.SubmitAsync("sam", Verbs.RespondToEvaluation, new Dictionary<string, string>
        {
            [Verbs.PlanField] = form.PlanId,
            [Verbs.CycleField] = form.CycleId,
            [Verbs.CardField] = form.CardId,
            ["response"] = "acknowledge",
            ["reflection"] = "The queue was long and I rushed.",
            ["action_what"] = "Summarise the problem back before answering",
            ["action_support"] = "Listen to two calls with Morgan",
            ["action_due"] = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await rig.DeliverAsync();

        var mine = Assert.IsType<EvaluationView>(Assert.Single(answered.Replies));
        Assert.StartsWith("Sam acknowledged it on", mine.Answer, StringComparison.Ordinal);
        Assert.Equal("Summarise the problem back before answering", Assert.Single(mine.Actions).What);
        var toMorgan = Assert.IsType<EvaluationView>(Assert.Single(rig.Sender.Sent, s => s.ConversationId == "conv-morgan").Reply);
        Assert.Equal("Sam acknowledged your evaluation", toMorgan.Title);
        Assert.Equal("The queue was long and I rushed.", toMorgan.Reflection);
        Assert.Equal("planned", Assert.Single(toMorgan.Actions).State);
        var audit = await rig.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == EvaluationAccess.ReadAction));
        Assert.Equal((EvaluationAccess.ReadAction, "morgan"), (audit.Action, audit.Actor));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task QaScore_SameFormDeliveredThreeTimesAtOnce_StoresOneEvaluationAndSendsItOnce(DatabaseProvider provider)
    {
        await using var rig = await RigAsync(provider);
        var scorecard = await ScorecardAsync(rig);

        var turns = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(scorecard))));
        await rig.DeliverAsync();

        Assert.All(turns, t => Assert.IsType<EvaluationView>(Assert.Single(t.Replies)));
        Assert.Equal(1, await rig.WithDbAsync(db => db.Evaluations.CountAsync()));
        Assert.Single(rig.Sender.Sent, s => s.ConversationId == "conv-sam");
    }

    [Fact]
    public async Task QaScore_InvalidForm_ComesBackWithErrorsAndStoresNothing()
    {
        await using var rig = await RigAsync();
        var scorecard = await ScorecardAsync(rig);
        var values = Scored(scorecard);
        values["to_improve"] = " ";
        values["c.identity_checked"] = "na";

        var turn = await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, values);

        var retry = Assert.IsType<SurveyPrompt>(Assert.Single(turn.Replies));
        Assert.Equal(["c.identity_checked", "to_improve"], retry.Errors.Keys.Order());
        Assert.Equal(0, await rig.WithDbAsync(db => db.Evaluations.CountAsync()));
        Assert.Equal(0, await rig.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == OutboxKind.Coaching)));
    }

    [Fact]
    public async Task QaScore_StaffOrInAChannelOrOfOneself_IsRefused()
    {
        await using var rig = await RigAsync();

        var staff = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("sam", "qa score Morgan phone-call")).Replies));
        var channel = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("morgan", "qa score Sam phone-call", inChannel: true)).Replies));
        var self = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("morgan", "qa score Morgan phone-call")).Replies));
        var unknown = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("morgan", "qa score Sam counter-visit")).Replies));
        var which = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("morgan", "qa score Sam")).Replies));

        Assert.StartsWith("Only managers score interactions", staff.Text, StringComparison.Ordinal);
        Assert.StartsWith("Score interactions in your private chat", channel.Text, StringComparison.Ordinal);
        Assert.StartsWith("You cannot score your own interaction", self.Text, StringComparison.Ordinal);
        Assert.Equal("There is no scorecard **counter-visit**. The scorecards: **phone-call** (customer-experience), **written-reply** (customer-experience).", unknown.Text);
        Assert.StartsWith("Which scorecard?", which.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QaScore_FormSubmittedByStaff_IsRefusedAndStoresNothing()
    {
        await using var rig = await RigAsync();
        var scorecard = await ScorecardAsync(rig);

        var turn = await rig.SubmitAsync("sam", Verbs.ScoreInteraction, Scored(scorecard));

        Assert.StartsWith("Only managers score interactions", Assert.IsType<TextReply>(Assert.Single(turn.Replies)).Text, StringComparison.Ordinal);
        Assert.Equal(0, await rig.WithDbAsync(db => db.Evaluations.CountAsync()));
    }

    [Fact]
    public async Task QaShow_StaffAskingForSomeoneElsesEvaluation_IsRefusedAndChangesNothing()
    {
        await using var rig = await RigAsync();
        await rig.MeetAsync("alex");
        await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(await ScorecardAsync(rig)));
        var before = await SnapshotAsync(rig);

        var turn = await rig.SayAsync("alex", "qa show Sam");
        var mention = await rig.SayAsync("alex", "qa show <at>Newcomer</at>");

        Assert.Equal("You can see only your own evaluations: type **my evaluations**.", Assert.IsType<TextReply>(Assert.Single(turn.Replies)).Text);
        Assert.IsType<TextReply>(Assert.Single(mention.Replies));
        Assert.Equal(before, await SnapshotAsync(rig));
    }

    [Fact]
    public async Task QaShow_ManagerOfAnotherTeam_IsRefused_ManagerOfTheTeamSeesItAndIsAudited()
    {
        await using var rig = await RigAsync();
        await rig.MeetAsync("riley");
        using var folder = new TempFolder();
        var roster = folder.Write("people.csv", "person,name,team,role\nmorgan,Morgan,phones,manager\nsam,Sam,phones,staff\nriley,Riley,email,manager\nkim,Kim,phones,manager\n");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Database, "import", "people", roster)).ExitCode);
        await rig.MeetAsync("kim");
        await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(await ScorecardAsync(rig)));
        var before = await SnapshotAsync(rig);

        var riley = await rig.SayAsync("riley", "qa show Sam");
        var afterRefusal = await SnapshotAsync(rig);
        var kim = await rig.SayAsync("kim", "qa show Sam");

        Assert.StartsWith("You can see **Sam**'s evaluations only if you manage their team", Assert.IsType<TextReply>(Assert.Single(riley.Replies)).Text, StringComparison.Ordinal);
        Assert.Equal(before, afterRefusal);
        var shown = Assert.IsType<EvaluationView>(Assert.Single(kim.Replies));
        Assert.Null(shown.Form);
        var audit = await rig.WithDbAsync(db => db.AuditEntries.Where(a => a.Actor == "kim").ToListAsync());
        Assert.Equal(EvaluationAccess.ReadAction, Assert.Single(audit).Action);
    }

    [Fact]
    public async Task MyEvaluations_Agent_SeesTheirOwnWithTheFormUntilAcknowledged_AndNothingIsAudited()
    {
        await using var rig = await RigAsync();
        await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(await ScorecardAsync(rig)));

        var mine = await rig.SayAsync("sam", "my evaluations");
        var inChannel = await rig.SayAsync("sam", "my evaluations", inChannel: true);
        var none = await rig.SayAsync("morgan", "my evaluations");

        Assert.NotNull(Assert.IsType<EvaluationView>(Assert.Single(mine.Replies)).Form);
        Assert.StartsWith("Evaluations are shown only in your private chat", Assert.IsType<TextReply>(Assert.Single(inChannel.Replies)).Text, StringComparison.Ordinal);
        Assert.Equal("You have no evaluations yet.", Assert.IsType<TextReply>(Assert.Single(none.Replies)).Text);
        Assert.Equal(0, await rig.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == EvaluationAccess.ReadAction)));
    }

    [Fact]
    public async Task Respond_BySomeoneElse_IsRefusedAndChangesNothing_DiscussNeedsAReason()
    {
        await using var rig = await RigAsync();
        await rig.MeetAsync("alex");
        await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(await ScorecardAsync(rig)));
        await rig.DeliverAsync();
        var form = ((EvaluationView)rig.Sender.Sent.Single(s => s.ConversationId == "conv-sam").Reply).Form!;
        var values = new Dictionary<string, string> { [Verbs.PlanField] = form.PlanId, [Verbs.CycleField] = form.CycleId, [Verbs.CardField] = form.CardId, ["response"] = "discuss" };
        var before = await SnapshotAsync(rig);

        var alex = await rig.SubmitAsync("alex", Verbs.RespondToEvaluation, values);
        var manager = await rig.SubmitAsync("morgan", Verbs.RespondToEvaluation, values);
        var noReason = await rig.SubmitAsync("sam", Verbs.RespondToEvaluation, values);

        Assert.Equal("This evaluation is not yours to answer: only the person evaluated can.", Assert.IsType<TextReply>(Assert.Single(alex.Replies)).Text);
        Assert.IsType<TextReply>(Assert.Single(manager.Replies));
        Assert.Equal(["reason"], Assert.IsType<SurveyPrompt>(Assert.Single(noReason.Replies)).Errors.Keys);
        Assert.Equal(before, await SnapshotAsync(rig));

        values["reason"] = "The customer asked me to be quick.";
        var discussed = Assert.IsType<EvaluationView>(Assert.Single((await rig.SubmitAsync("sam", Verbs.RespondToEvaluation, values)).Replies));
        await rig.SubmitAsync("sam", Verbs.RespondToEvaluation, values);
        await rig.DeliverAsync();

        Assert.Contains("asked to discuss it", discussed.Answer, StringComparison.Ordinal);
        Assert.Equal("Sam would like to discuss your evaluation", Assert.IsType<EvaluationView>(Assert.Single(rig.Sender.Sent, s => s.ConversationId == "conv-morgan").Reply).Title);
    }

    [Fact]
    public async Task CoachingReminders_ActionDue_RemindsBothOnceWithAFormAndSuggestsAFollowUpToTheEvaluator()
    {
        await using var rig = await RigAsync();
        await AgreeActionDueTodayAsync(rig);
        var sentBefore = rig.Sender.Sent.Count;

        await RemindAsync(rig);
        await RemindAsync(rig);
        await rig.DeliverAsync();

        var reminders = rig.Sender.Sent.Skip(sentBefore).ToList();
        Assert.Equal(2, reminders.Count);
        var toSam = Assert.IsType<SurveyPrompt>(reminders.Single(r => r.ConversationId == "conv-sam").Reply);
        Assert.Equal(Verbs.UpdateCoachingAction, toSam.Verb);
        Assert.Equal("Action due: Summarise before answering", toSam.Title);
        Assert.Contains("**Summarise before answering**", toSam.Intro, StringComparison.Ordinal);
        Assert.Contains("**qa score Sam phone-call**", Assert.IsType<SurveyPrompt>(reminders.Single(r => r.ConversationId == "conv-morgan").Reply).Intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAction_NotYetWithANewDate_RemindsAgainThen_DoneTellsTheEvaluator_OthersAreRefused()
    {
        await using var rig = await RigAsync();
        await rig.MeetAsync("alex");
        await AgreeActionDueTodayAsync(rig);
        await RemindAsync(rig);
        await rig.DeliverAsync();
        var form = Assert.IsType<SurveyPrompt>(rig.Sender.Sent.Last(s => s.ConversationId == "conv-sam").Reply);
        Dictionary<string, string> Values(string state, string? due = null) => new()
        {
            [Verbs.PlanField] = form.PlanId,
            [Verbs.CycleField] = form.CycleId,
            [Verbs.CardField] = form.CardId,
            ["state"] = state,
            ["new_due"] = due ?? string.Empty,
        };
        var before = await SnapshotAsync(rig);

        var alex = await rig.SubmitAsync("alex", Verbs.UpdateCoachingAction, Values("done"));
        var noDate = await rig.SubmitAsync("sam", Verbs.UpdateCoachingAction, Values("planned"));

        Assert.StartsWith("Only the person evaluated and their evaluator", Assert.IsType<TextReply>(Assert.Single(alex.Replies)).Text, StringComparison.Ordinal);
        Assert.Equal(["new_due"], Assert.IsType<SurveyPrompt>(Assert.Single(noDate.Replies)).Errors.Keys);
        Assert.Equal(before, await SnapshotAsync(rig));

        var later = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await rig.SubmitAsync("sam", Verbs.UpdateCoachingAction, Values("planned", later));
        var moved = await rig.WithDbAsync(db => db.CoachingActions.SingleAsync());
        Assert.Equal((CoachingActionState.Planned, later, null), (moved.State, moved.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), moved.RemindedAt));

        var done = Values("done");
        done["note"] = "Did it on every call this week.";
        var updated = Assert.IsType<EvaluationView>(Assert.Single((await rig.SubmitAsync("sam", Verbs.UpdateCoachingAction, done)).Replies));
        await rig.SubmitAsync("sam", Verbs.UpdateCoachingAction, done);
        await rig.DeliverAsync();

        Assert.Equal("done", Assert.Single(updated.Actions).State);
        var told = rig.Sender.Sent.Where(s => s.ConversationId == "conv-morgan").Select(s => s.Reply).OfType<TextReply>().Select(r => r.Text).ToList();
        Assert.Contains("Sam marked it done: **Summarise before answering**. Note: Did it on every call this week.", told);
        Assert.Single(told, t => t.Contains("marked it done", StringComparison.Ordinal));
    }

    private static async Task AgreeActionDueTodayAsync(ConversationRig rig)
    {
        await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(await ScorecardAsync(rig)));
        await rig.DeliverAsync();
        var form = ((EvaluationView)rig.Sender.Sent.Single(s => s.ConversationId == "conv-sam").Reply).Form!;
        await rig.SubmitAsync("sam", Verbs.RespondToEvaluation, new Dictionary<string, string>
        {
            [Verbs.PlanField] = form.PlanId,
            [Verbs.CycleField] = form.CycleId,
            [Verbs.CardField] = form.CardId,
            ["response"] = "acknowledge",
            ["action_what"] = "Summarise before answering",
            ["action_due"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await rig.DeliverAsync();
    }

    private static Task<int> RemindAsync(ConversationRig rig) =>
        rig.WithServicesAsync(async s =>
        {
            await s.GetRequiredService<CoachingReminders>().RemindDueAsync(CancellationToken.None);
            return 0;
        });

    [Fact]
    public async Task QaScore_CalibrationSession_TwoManagersScoreOneCall_SamIsSentNothingAndOnlyCalibrationCountsThem()
    {
        await using var rig = await RigAsync();
        await rig.MeetAsync("riley");
        using var folder = new TempFolder();
        var roster = folder.Write("people.csv", "person,name,team,role\nmorgan,Morgan,phones,manager\nriley,Riley,phones,manager\nsam,Sam,phones,staff\n");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Database, "import", "people", roster)).ExitCode);

        foreach (var (manager, listened) in new[] { ("morgan", "3"), ("riley", "5") })
        {
            var prompt = Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SayAsync(manager, "qa score Sam phone-call")).Replies));
            var values = Scored(prompt);
            values["purpose"] = "calibration";
            values["c.listened"] = listened;
            var saved = Assert.IsType<EvaluationView>(Assert.Single((await rig.SubmitAsync(manager, Verbs.ScoreInteraction, values)).Replies));
            Assert.StartsWith("Calibration: Sam is not sent it.", saved.Note, StringComparison.Ordinal);
        }

        await rig.DeliverAsync();

        Assert.DoesNotContain(rig.Sender.Sent, s => s.ConversationId == "conv-sam");
        Assert.Equal("You have no evaluations yet.", Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("sam", "my evaluations")).Replies)).Text);
        var calibration = await CliRun.RunAsync(rig.Database, "qa", "calibration", "--plan", "customer-experience", "--scorecard", "phone-call", "--format", "json");
        Assert.Equal(0, calibration.ExitCode);
        Assert.Equal(1, System.Text.Json.Nodes.JsonNode.Parse(calibration.Out)!["interactions"]!.GetValue<int>());
        // Three scores of one call would weigh three times in Sam's figures: calibration counts only for comparing evaluators.
        var report = await CliRun.RunAsync(rig.Database, "qa", "report", "--plan", "customer-experience", "--format", "json");
        Assert.Equal(0, System.Text.Json.Nodes.JsonNode.Parse(report.Out)!["evaluations"]!.GetValue<int>());
    }

    // Every table a refused request could touch, counted.
    private static Task<(int People, int Evaluations, int Audit, int Outbox, int Actions, int Acknowledged)> SnapshotAsync(ConversationRig rig) =>
        rig.WithDbAsync(async db => (
            await db.People.CountAsync(),
            await db.Evaluations.CountAsync(),
            await db.AuditEntries.CountAsync(),
            await db.Outbox.CountAsync(),
            await db.CoachingActions.CountAsync(),
            await db.Evaluations.CountAsync(e => e.AcknowledgedAt != null || e.DiscussRequestedAt != null)));
}
