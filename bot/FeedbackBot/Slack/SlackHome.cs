using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Slack;

/// <summary>
/// The App Home tab (<c>app_home_opened</c>): the pulses this person was sent and has not answered in cycles still
/// open, and for managers and admins the latest review of their workspace.
/// </summary>
internal sealed class SlackHome(FeedbackDbContext db, LatestReviewFeature latestReview, SlackWebApiClient api, TimeProvider clock)
{
    public async Task PublishAsync(SlackWorkspace workspace, BotUser user, string? directMessageChannel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new BotRequest(BotChannel.Slack, workspace.TeamId, user, directMessageChannel ?? user.Id, null, null, null);
        var party = await ConversationParty.ResolveAsync(db, request, now, cancellationToken);
        if (directMessageChannel is not null)
        {
            // The Home tab's event names the person's direct message with the bot: where their pulses will go.
            await party.RememberAsync(db, directMessageChannel, personal: true, serviceUrl: null, botId: null, now, cancellationToken);
        }

        var pulses = await OpenPulsesAsync(party, now, cancellationToken);
        var review = party.Person.Role == PersonRole.Staff ? null : await latestReview.AnswerAsync(party, null, cancellationToken);
        await api.PublishViewAsync(workspace.BotToken, user.Id, BlockKitRenderer.Home(pulses, review), cancellationToken);
    }

    private async Task<IReadOnlyList<SurveyPrompt>> OpenPulsesAsync(ConversationParty party, DateTime now, CancellationToken cancellationToken)
    {
        var open = await (from i in db.Invitations
                          join c in db.ReviewCycles on i.CycleId equals c.Id
                          join v in db.PlanVersions on c.PlanVersionId equals v.Id
                          where i.PersonId == party.Person.Id
                              && i.State != InvitationState.Answered && i.State != InvitationState.Unreachable
                              && c.State == CycleState.Open && c.StartsAt <= now && c.EndsAt > now
                          orderby c.EndsAt
                          select new { CycleId = c.Id, InvitationId = i.Id, v.Definition })
            .ToListAsync(cancellationToken);
        return [.. open.Select(p => SurveyForms.Prompt(PlanJson.Deserialize(p.Definition), Audience.Staff, p.CycleId.ToString("D"), p.InvitationId.ToString("N")))];
    }
}
