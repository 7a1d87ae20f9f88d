using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Tests.Conversations;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.CustomerSurveys;

/// <summary>Responses carry their invitation for customers only: a member of staff's answer stays unjoined to who was asked.</summary>
public sealed class StaffAnswerTests
{
    [Fact]
    public async Task AnswerSurvey_StaffPulseAnsweredInChat_StoresNoInvitationOnTheResponse()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.MeetAsync("sam");
        await rig.ApplyExamplePlansAsync();
        await rig.SayAsync("alex", "start pulse staff-pulse");
        var card = rig.Sender.Sent.Select(s => s.Reply).OfType<SurveyPrompt>().First();
        var values = new Dictionary<string, string>
        {
            [Verbs.PlanField] = card.PlanId,
            [Verbs.CycleField] = card.CycleId,
            [Verbs.CardField] = card.CardId,
        };
        foreach (var question in card.Questions)
        {
            values[question.Id] = question.Type == QuestionType.Text ? "Fine." : question.Choices[^1].Value;
        }

        Assert.IsType<SurveyThanks>(Assert.Single((await rig.SubmitAsync("sam", Verbs.SubmitSurvey, values)).Replies));

        var response = await rig.WithDbAsync(db => db.Responses.SingleAsync());
        Assert.Null(response.InvitationId);
        Assert.Null(response.Agent);
        Assert.Null(response.InteractionChannel);
        Assert.Equal((Audience.Staff, CollectionMethod.Survey), (response.Audience, response.Method));
        Assert.Contains(await rig.WithDbAsync(db => db.Invitations.Select(i => i.State).ToListAsync()), s => s == InvitationState.Answered);
    }
}
