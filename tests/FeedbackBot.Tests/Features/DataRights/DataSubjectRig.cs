using System.Globalization;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Tests.Conversations;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataRights;

/// <summary>
/// A tenant where one person, Zebulon, has touched every feature: they spoke to the bot, a roster and an e-mail
/// address name them, an admin made them a manager, they were invited to a pulse and answered it, they were scored
/// and agreed a coaching action, they scored someone else, they own an improvement action and wrote in its log, a
/// stored review names them as its owner, a helpdesk log and a customer's contact name them as the agent, they are a
/// customer contact themselves, a raw platform delivery carries their ids, and an export of them was audited.
/// </summary>
internal static class DataSubjectRig
{
    /// <summary>The playground user id; the display name the playground gives is "Zebulon-q".</summary>
    public const string User = "zebulon-q";

    public const string Email = "zebulon.quartermaine@contoso.example";

    /// <summary>A part of every name, address and id of the person, and of nothing else the rig stores.</summary>
    public const string Token = "zebulon";

    public static async Task<(ConversationRig Rig, Guid PersonId)> CreateAsync(DatabaseProvider provider)
    {
        var rig = await ConversationRig.CreateAsync(provider);
        await rig.MeetAsync("morgan");
        await rig.MeetAsync(User);
        await rig.ApplyExamplePlansAsync();
        var id = await rig.WithDbAsync(async db =>
        {
            // As a Teams or Slack sync would: the platform gives the person's work address.
            var person = await db.People.SingleAsync(p => p.ChannelUserId == User);
            person.Email = Email;
            await db.SaveChangesAsync();
            return person.Id;
        });

        using var folder = new TempFolder();
        await RunAsync(rig, "import", "people", folder.Write("people.csv", $"person,name,team\n{User},Zebulon Quartermaine,billing\n"));
        await RunAsync(rig, "import", "interactions", folder.Write("interactions.csv",
            $"interaction_id,agent,channel,started_at,duration_seconds,queue\nCALL-7001,{Email},phone,2026-12-01T09:15:00Z,312,billing\n"));
        await RunAsync(rig, "import", "contacts", folder.Write("contacts.csv",
            "contact_id,email,interaction_id,agent,channel,last_contact_at,region,tier\n" +
            $"C-9001,{Email},T-1,{Email},phone,2026-11-30T14:05:00Z,north,gold\n" +
            $"C-9002,alice.jones@example.com,T-2,{Email},phone,2026-11-30T15:05:00Z,south,silver\n"), "--plan", ExampleData.CustomerPlan);

        Assert.Contains("now a manager", Text(await rig.SayAsync("morgan", "role @zebulon-q manager")), StringComparison.Ordinal);
        await rig.SayAsync("morgan", "start pulse staff-pulse");
        var pulse = rig.Sender.Sent.Where(s => s.ConversationId == "conv-" + User).Select(s => s.Reply).OfType<SurveyPrompt>().First();
        Assert.IsType<SurveyThanks>(Assert.Single((await rig.SubmitAsync(User, Verbs.SubmitSurvey, PulseAnswers(pulse))).Replies));

        // Morgan scores Zebulon, who answers and agrees an action; Zebulon, a manager now, scores Morgan.
        var scorecard = Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SayAsync("morgan", "qa score zebulon-q phone-call")).Replies));
        await rig.SubmitAsync("morgan", Verbs.ScoreInteraction, Scored(scorecard, "CALL-7001"));
        await rig.DeliverAsync();
        var feedback = rig.Sender.Sent.Where(s => s.ConversationId == "conv-" + User).Select(s => s.Reply).OfType<EvaluationView>().Last();
        var form = Assert.IsType<SurveyPrompt>(feedback.Form);
        await rig.SubmitAsync(User, Verbs.RespondToEvaluation, new Dictionary<string, string>
        {
            [Verbs.PlanField] = form.PlanId,
            [Verbs.CycleField] = form.CycleId,
            [Verbs.CardField] = form.CardId,
            ["response"] = "acknowledge",
            ["reflection"] = "I rushed the call.",
            ["action_what"] = "Summarise the problem back before answering",
            ["action_due"] = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await rig.DeliverAsync();
        var theirs = Assert.IsType<SurveyPrompt>(Assert.Single((await rig.SayAsync(User, "qa score Morgan phone-call")).Replies));
        Assert.IsType<EvaluationView>(Assert.Single((await rig.SubmitAsync(User, Verbs.ScoreInteraction, Scored(theirs, "CALL-7002"))).Replies));
        await rig.DeliverAsync();

        await rig.WithDbAsync(async db =>
        {
            await AddActionAsync(db, id);
            db.Inbox.Add(new InboxEntry
            {
                Id = Guid.NewGuid(),
                Channel = "teams",
                DeliveryKey = "a:conv|1",
                Payload = $$"""{"from":{"id":"{{User}}","name":"Zebulon-q"},"text":"hello"}""",
                ReceivedAt = DateTime.UtcNow,
                ProcessedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        await RunAsync(rig, "people", "export", Email);
        return (rig, id);
    }

    public static async Task RunAsync(ConversationRig rig, params string[] args)
    {
        var run = await CliRun.RunAsync(rig.Database, args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Error}");
    }

    private static string Text(ConversationTurn turn) => Assert.IsType<TextReply>(Assert.Single(turn.Replies)).Text;

    /// <summary>An improvement action adopted from a stored review that names its owner, as a review listing actions does.</summary>
    private static async Task AddActionAsync(FeedbackDbContext db, Guid personId)
    {
        var cycle = await db.ReviewCycles.Include(c => c.Plan).FirstAsync();
        var review = new StoredReview
        {
            Id = Guid.NewGuid(),
            PlanId = cycle.PlanId,
            CycleId = cycle.Id,
            Document = $$"""{"actions":[{"number":1,"owner":"{{Email}}","note":"Owner {{Email}} agreed."}],"comments":["Same as last time."]}""",
            CreatedAt = DateTime.UtcNow,
        };
        db.Reviews.Add(review);
        var action = new ImprovementAction
        {
            Id = Guid.NewGuid(),
            TenantId = cycle.Plan!.TenantId,
            PlanId = cycle.PlanId,
            Number = 1,
            ReviewId = review.Id,
            RecommendationId = "r1",
            RecommendationKey = "waiting",
            Title = "Shorten the wait",
            Metric = "csat",
            Direction = "higher",
            Owner = Email,
            OwnerPersonId = personId,
            DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            Status = ImprovementActionStatus.Planned,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            CreatedBy = User,
        };
        action.Notes.Add(new ImprovementActionNote { Id = Guid.NewGuid(), ActionId = action.Id, At = DateTime.UtcNow, Kind = "note", Text = $"Zebulon-q ({Email}) started.", Author = User });
        action.Milestones.Add(new ImprovementActionMilestone { Id = Guid.NewGuid(), ActionId = action.Id, Number = 1, Title = "Train the leads", DueOn = action.DueOn, CreatedAt = DateTime.UtcNow });
        db.ImprovementActions.Add(action);
        await db.SaveChangesAsync();
    }

    private static Dictionary<string, string> PulseAnswers(SurveyPrompt card)
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
                Core.Plans.QuestionType.Nps => "9",
                _ => "4",
            };
        }

        return values;
    }

    private static Dictionary<string, string> Scored(SurveyPrompt prompt, string interaction) => new()
    {
        [Verbs.PlanField] = prompt.PlanId,
        [Verbs.CycleField] = prompt.CycleId,
        [Verbs.CardField] = prompt.CardId,
        ["interaction"] = interaction,
        ["channel"] = "phone",
        ["interaction_date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["purpose"] = "feedback",
        ["c.greeting"] = "yes",
        ["c.identity_checked"] = "yes",
        ["c.listened"] = "3",
        ["c.resolved"] = "yes",
        ["c.hold_explained"] = "na",
        ["went_well"] = "Found the billing error quickly.",
        ["to_improve"] = "Let the customer finish before answering.",
    };
}
