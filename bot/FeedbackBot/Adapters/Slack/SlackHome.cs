using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Features.Pulses;
using FeedbackBot.Features.Reviews;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// The App Home tab (<c>app_home_opened</c>): the open pulses this person has not answered (the same as
/// <c>my pulses</c>), and for managers and admins the latest review of their workspace.
/// </summary>
internal sealed class SlackHome(FeedbackDbContext db, OpenPulses openPulses, LatestReviewFeature latestReview, SlackWebApiClient api, TimeProvider clock)
{
    public async Task PublishAsync(SlackWorkspace workspace, BotUser user, string? directMessageChannel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new BotRequest(BotChannel.Slack, workspace.TeamId, user, directMessageChannel ?? user.Id, null, null, null);
        // The Home tab's event names the person's direct message with the bot: where their pulses will go.
        var place = directMessageChannel is null ? null : new ConversationPlace(directMessageChannel, Personal: true);
        var party = await ConversationParty.ResolveAsync(db, request, place, role: null, now, cancellationToken);

        var pulses = await openPulses.ForAsync(party, now, cancellationToken);
        var review = party.Person.Role == PersonRole.Staff ? null : await latestReview.AnswerAsync(party, null, cancellationToken);
        await api.PublishViewAsync(workspace.BotToken, user.Id, BlockKitRenderer.Home(pulses, review), cancellationToken);
    }
}
