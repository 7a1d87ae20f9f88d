using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Pulses;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Conversations;

public sealed class ConversationFeatureTests
{
    [Fact]
    public async Task Help_FirstPersonIsAdminAndLaterOnesStaff_SeeTheirOwnCommands()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);

        var admin = Assert.IsType<HelpReply>(Assert.Single((await rig.SayAsync("alex", "help")).Replies));
        var staff = Assert.IsType<HelpReply>(Assert.Single((await rig.SayAsync("sam", "help")).Replies));

        Assert.Equal(PersonRole.Admin, admin.Role);
        Assert.Contains(admin.Commands, c => c.Usage.StartsWith("role", StringComparison.Ordinal));
        Assert.Equal(PersonRole.Staff, staff.Role);
        Assert.DoesNotContain(staff.Commands, c => c.Usage.StartsWith("start pulse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Role_AdminMakesAManager_StaffCannot()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.SayAsync("alex", "hi");
        await rig.SayAsync("morgan", "hi");
        await rig.SayAsync("sam", "hi");

        var refused = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("sam", "role @Morgan manager")).Replies));
        var done = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("alex", "role @Morgan manager")).Replies));

        Assert.Contains("Only an admin", refused.Text, StringComparison.Ordinal);
        Assert.Contains("now a manager", done.Text, StringComparison.Ordinal);
        Assert.Equal(PersonRole.Manager, await rig.WithDbAsync(db => db.People.Where(p => p.ChannelUserId == "morgan").Select(p => p.Role).SingleAsync()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task StartPulse_Manager_InvitesReachablePeopleOnceThroughTheOutboxAndBooksTheCloseAndReminder(DatabaseProvider provider)
    {
        await using var rig = await ConversationRig.CreateAsync(provider);
        await rig.MeetAsync("alex");
        await rig.MeetAsync("sam");
        await rig.MeetAsync("kim");
        await rig.ApplyExamplePlansAsync();
        rig.Sender.Blocked.Add("conv-kim");

        var first = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("alex", "start pulse staff-pulse")).Replies));
        var again = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("alex", "start pulse staff-pulse")).Replies));

        Assert.StartsWith("Started the **Staff pulse** pulse: invited 3 people.", first.Text, StringComparison.Ordinal);
        Assert.Contains("**status staff-pulse**", first.Text, StringComparison.Ordinal);
        Assert.StartsWith("Added to the **Staff pulse** pulse: invited 0 people; 3 had already been asked in this cycle.", again.Text, StringComparison.Ordinal);
        Assert.Equal(["conv-alex", "conv-sam"], rig.Sender.Sent.Select(s => s.ConversationId).Order(StringComparer.Ordinal));
        var card = Assert.IsType<SurveyPrompt>(rig.Sender.Sent[0].Reply);
        Assert.Equal("staff-pulse", card.PlanId);
        Assert.Contains("anonymous", card.Intro, StringComparison.Ordinal);
        Assert.NotNull(await rig.WithDbAsync(db => db.People.Where(p => p.ChannelUserId == "kim").Select(p => p.UnreachableSince).SingleAsync()));
        var cycle = await rig.WithDbAsync(db => db.ReviewCycles.SingleAsync());
        Assert.NotNull(cycle.OpenToEveryoneSince);
        Assert.Contains(cycle.EndsAt.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), first.Text, StringComparison.Ordinal);

        // The same lifecycle as a scheduled cycle: its close at the cycle's end and its first reminder, with the scheduler.
        var scheduled = rig.ScheduledJobs();
        Assert.Equal(cycle.EndsAt, Assert.Single(scheduled, j => j.Name == "staff-pulse: close the cycle and post its review").EnqueueAt, TimeSpan.FromMilliseconds(1));
        Assert.True(Assert.Single(scheduled, j => j.Name == "staff-pulse: remind those who have not answered").EnqueueAt < cycle.EndsAt);
    }

    [Fact]
    public async Task StartPulse_Staff_IsRefusedAndSendsNothing()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.MeetAsync("sam");
        await rig.ApplyExamplePlansAsync();

        var reply = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("sam", "start pulse staff-pulse")).Replies));

        Assert.Contains("Only managers", reply.Text, StringComparison.Ordinal);
        Assert.Empty(rig.Sender.Sent);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task AnswerSurvey_SubmittedThreeTimes_StoresOneAnonymousResponseAndThanksEachTime(DatabaseProvider provider)
    {
        await using var rig = await ConversationRig.CreateAsync(provider);
        await rig.MeetAsync("alex");
        await rig.MeetAsync("sam");
        await rig.ApplyExamplePlansAsync();
        await rig.SayAsync("alex", "start pulse staff-pulse");
        var card = rig.Sender.Sent.Select(s => s.Reply).OfType<SurveyPrompt>().First();
        var values = Answers(card, "4");

        var turns = new List<ConversationTurn>();
        for (var i = 0; i < 3; i++)
        {
            turns.Add(await rig.SubmitAsync("sam", Verbs.SubmitSurvey, values));
        }

        Assert.All(turns, t =>
        {
            Assert.True(t.ReplacesCard);
            var thanks = Assert.IsType<SurveyThanks>(Assert.Single(t.Replies));
            Assert.True(thanks.Anonymous);
        });
        Assert.Contains(((SurveyThanks)turns[0].Replies[0]).Answers, a => a.Answer == "4 – agree");
        Assert.Equal(1, await rig.WithDbAsync(db => db.Responses.CountAsync()));
        var keys = await rig.WithDbAsync(db => db.Responses.Select(r => new { r.RespondentKey, r.IdempotencyKey }).ToListAsync());
        Assert.DoesNotContain("sam", keys[0].RespondentKey, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("s:", keys[0].RespondentKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerSurvey_RequiredMissing_ReturnsTheCardWithErrorsAndStoresNothing()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.ApplyExamplePlansAsync();
        await rig.SayAsync("alex", "start pulse staff-pulse");
        var card = rig.Sender.Sent.Select(s => s.Reply).OfType<SurveyPrompt>().First();
        var values = Answers(card, "4");
        values.Remove("empathy");
        values["enps"] = "12";

        var turn = await rig.SubmitAsync("alex", Verbs.SubmitSurvey, values);

        var retry = Assert.IsType<SurveyPrompt>(Assert.Single(turn.Replies));
        Assert.True(turn.ReplacesCard);
        Assert.Equal("Please answer this question.", retry.Errors["empathy"]);
        Assert.Equal("Choose a number from 0 to 10.", retry.Errors["enps"]);
        Assert.Equal(0, await rig.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task AnswerSurvey_CardOfAnotherTenant_OpensNothing()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.ApplyExamplePlansAsync();
        await rig.SayAsync("alex", "start pulse staff-pulse");
        var card = rig.Sender.Sent.Select(s => s.Reply).OfType<SurveyPrompt>().First();

        var turn = await rig.SubmitAsync("eve", Verbs.SubmitSurvey, Answers(card, "1"), tenant: "other");

        Assert.Contains("not valid", Assert.IsType<TextReply>(Assert.Single(turn.Replies)).Text, StringComparison.Ordinal);
        Assert.Equal(0, await rig.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task LogFeedback_CardSubmittedTwice_StoresOneEntryThatTheNextReviewUses()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.ApplyExamplePlansAsync();

        var prompt = Assert.IsType<FeedbackPrompt>(Assert.Single((await rig.SayAsync("alex", "log feedback The customer said the callback came exactly when promised")).Replies));
        var values = new Dictionary<string, string>
        {
            [Verbs.CardField] = prompt.CardId,
            [Verbs.TextField] = prompt.Text,
            [Verbs.FeatureInput] = "reliability",
            [Verbs.KindInput] = "praise",
        };
        var first = await rig.SubmitAsync("alex", Verbs.SubmitFeedback, values);
        var second = await rig.SubmitAsync("alex", Verbs.SubmitFeedback, values);

        Assert.Contains("reliability", prompt.Features);
        Assert.Equal(new FeedbackThanks(prompt.Text, "reliability", "praise"), Assert.Single(first.Replies));
        Assert.Equal(first.Replies[0], Assert.Single(second.Replies));
        Assert.Equal(1, await rig.WithDbAsync(db => db.FeedbackEntries.CountAsync()));
    }

    [Fact]
    public async Task LogFeedback_FeatureNotOfferedOrKindMissing_ReturnsTheCardWithAnError()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.ApplyExamplePlansAsync();
        var prompt = (FeedbackPrompt)(await rig.SayAsync("alex", "log feedback Too slow")).Replies[0];

        var turn = await rig.SubmitAsync("alex", Verbs.SubmitFeedback, new Dictionary<string, string>
        {
            [Verbs.CardField] = prompt.CardId,
            [Verbs.TextField] = prompt.Text,
            [Verbs.FeatureInput] = "weather",
            [Verbs.KindInput] = "praise",
        });

        Assert.Equal("Choose the service feature it concerns.", Assert.IsType<FeedbackPrompt>(Assert.Single(turn.Replies)).Error);
        Assert.Equal(0, await rig.WithDbAsync(db => db.FeedbackEntries.CountAsync()));
    }

    [Fact]
    public async Task LatestReview_AfterAReview_IsTheSummaryWithASignedLinkAndOtherTenantsSeeNothing()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.SayAsync("alex", "hi");
        await ExampleReviews.ImportAllAsync(rig.Database);
        await ExampleReviews.ReviewAsync(rig.Database);

        var summary = Assert.IsType<ReviewSummary>(Assert.Single((await rig.SayAsync("alex", "latest review customer-experience")).Replies));
        var elsewhere = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("eve", "latest review customer-experience", tenant: "other")).Replies));

        Assert.Equal("Customer experience", summary.PlanName);
        Assert.Equal("340 usable of 347 received", summary.Validation);
        Assert.Contains(summary.Kpis, k => k.Name == "CSAT" && k.Status == "missed");
        Assert.Contains("token=", summary.ReportUrl.Query, StringComparison.Ordinal);
        Assert.Contains("no plan", elsewhere.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyPulses_FromASecondConversation_ReturnsTheCardAndAnsweringEitherCopyStoresOneResponse()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.MeetAsync("sam");
        await rig.ApplyExamplePlansAsync();
        await rig.SayAsync("alex", "start pulse staff-pulse");
        var original = rig.Sender.Sent.Where(s => s.ConversationId == "conv-sam").Select(s => s.Reply).OfType<SurveyPrompt>().Single();

        var turn = await rig.SayAsync("sam", "my pulses", conversation: "new-tab");

        Assert.Equal("You have **1** open pulse to answer:", Assert.IsType<TextReply>(turn.Replies[0]).Text);
        var resent = Assert.IsType<SurveyPrompt>(Assert.Single(turn.Replies.Skip(1)));
        Assert.Equal(original.PlanId, resent.PlanId);
        Assert.Equal(original.CycleId, resent.CycleId);
        Assert.Equal(original.Questions.Select(q => q.Id), resent.Questions.Select(q => q.Id));

        var answered = await rig.SubmitAsync("sam", Verbs.SubmitSurvey, Answers(resent, "4"));
        var viaOriginal = await rig.SubmitAsync("sam", Verbs.SubmitSurvey, Answers(original, "2"));
        var again = await rig.SayAsync("sam", "pending");

        Assert.IsType<SurveyThanks>(Assert.Single(answered.Replies));
        Assert.IsType<SurveyThanks>(Assert.Single(viaOriginal.Replies));
        Assert.Equal(1, await rig.WithDbAsync(db => db.Responses.CountAsync()));
        var values = await rig.WithDbAsync(db => db.Answers.Select(a => a.Value).ToListAsync());
        Assert.Contains("4", values);
        Assert.DoesNotContain("2", values);
        var sam = await rig.WithDbAsync(db => db.People.Where(p => p.ChannelUserId == "sam").Select(p => p.Id).SingleAsync());
        Assert.Equal(InvitationState.Answered, await rig.WithDbAsync(db => db.Invitations.Where(i => i.PersonId == sam).Select(i => i.State).SingleAsync()));
        Assert.Equal(MyPulsesFeature.NoneOpen, Assert.IsType<TextReply>(Assert.Single(again.Replies)).Text);
    }

    [Fact]
    public async Task MyPulses_PersonMetAfterStartPulse_GetsTheCardOfThePulseOpenToEveryone()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.ApplyExamplePlansAsync();
        await rig.SayAsync("alex", "start pulse staff-pulse");

        var turn = await rig.SayAsync("newcomer", "my pulses");

        var card = Assert.IsType<SurveyPrompt>(turn.Replies[^1]);
        Assert.Equal("staff-pulse", card.PlanId);
        var newcomer = await rig.WithDbAsync(db => db.People.Where(p => p.ChannelUserId == "newcomer").Select(p => p.Id).SingleAsync());
        Assert.Equal(InvitationState.Sent, await rig.WithDbAsync(db => db.Invitations.Where(i => i.PersonId == newcomer).Select(i => i.State).SingleAsync()));
        Assert.IsType<SurveyThanks>(Assert.Single((await rig.SubmitAsync("newcomer", Verbs.SubmitSurvey, Answers(card, "5"))).Replies));
        Assert.Equal(MyPulsesFeature.NoneOpen, Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("newcomer", "my pulses")).Replies)).Text);
    }

    [Fact]
    public async Task MyPulses_ScheduledSampleLeftThemOut_ShowsNothing()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.ApplyExamplePlansAsync();
        await rig.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Key == "staff-pulse");
            var now = DateTime.UtcNow;
            db.ReviewCycles.Add(new ReviewCycle { Id = Guid.NewGuid(), PlanId = plan.Id, PlanVersionId = await db.PlanVersions.Where(v => v.PlanId == plan.Id).Select(v => v.Id).FirstAsync(), StartsAt = now.AddHours(-1), EndsAt = now.AddDays(1), State = CycleState.Open, CreatedAt = now });
            return await db.SaveChangesAsync();
        });

        var reply = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("sam", "my pulses")).Replies));

        Assert.Equal("You have no open pulses.", reply.Text);
        Assert.Equal(0, await rig.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Theory]
    [InlineData("status", "Write it like this: **status PLAN**, for example **status staff-pulse**.")]
    [InlineData("run now", "Write it like this: **run PLAN now**, for example **run staff-pulse now**.")]
    [InlineData("reveiw", "Sorry, I didn't understand that. Did you mean **review**/**latest review**? Type **help** to see what I can do.")]
    [InlineData("stauts staff-pulse", "Sorry, I didn't understand that. Did you mean **status staff-pulse**? Type **help** to see what I can do.")]
    public async Task Unknown_UsageOrTypingSlip_SaysHowToWriteItOrWhatWasMeant(string text, string expected)
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);

        var reply = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("alex", text)).Replies));

        Assert.Equal(expected, reply.Text);
    }

    [Fact]
    public async Task Unknown_Message_SaysHowToGetHelp()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);

        var reply = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("alex", "what's for lunch")).Replies));

        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Answers(SurveyPrompt card, string rating)
    {
        var values = new Dictionary<string, string>
        {
            [Verbs.PlanField] = card.PlanId,
            [Verbs.CycleField] = card.CycleId,
            [Verbs.CardField] = card.CardId,
        };
        foreach (var question in card.Questions)
        {
            values[question.Id] = question.Type switch
            {
                Core.Plans.QuestionType.Text => "More time per call would help.",
                Core.Plans.QuestionType.Nps => "8",
                _ => rating,
            };
        }

        return values;
    }
}
