using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Inbox;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Adapters.Teams;

/// <summary>
/// One authenticated Teams activity: turned into a channel-neutral request, run through the one turn path (the
/// person resolved once and the conversation remembered), and answered through the Connector, or, for a card's
/// <c>Action.Execute</c>, in the invoke response.
/// </summary>
internal sealed class TeamsTurn(
    ConversationHandler conversations,
    InboundDeliveries inbox,
    FeedbackDbContext db,
    BotConnectorClient connector,
    TimeProvider clock,
    ILogger<TeamsTurn> log)
{
    private const string Channel = "teams";

    /// <summary>Acts on the activity; returns the invoke response to send back, or null for a plain 200.</summary>
    public async Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tenantId = TeamsActivities.GetTenantId(activity);
        var userId = TeamsActivities.GetUserId(activity);
        if (tenantId is null || userId is null || activity.Conversation?.Id is null)
        {
            return null;
        }

        if (TeamsActivities.IsBotRemoved(activity))
        {
            await ForgetTeamAsync(activity, tenantId, cancellationToken);
            return null;
        }

        var installed = TeamsActivities.IsBotInstalled(activity);
        var submission = activity.Value is { } value ? AdaptiveCardSubmissions.Read(value) : null;
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        if (activity.Type != ActivityTypes.Message && !isInvoke && !installed)
        {
            return null;
        }

        var request = Request(activity, activity.Conversation.Id, tenantId, userId, installed, submission);
        var personal = activity.Conversation.ConversationType is null or "personal";
        var place = new ConversationPlace(activity.Conversation.Id, personal, activity.ServiceUrl, activity.Recipient?.Id, TeamsActivities.GetTeamId(activity));
        var party = await ConversationParty.ResolveAsync(db, request, place, role: null, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (isInvoke)
        {
            // Card submissions are idempotent by the card's own id, and a retried invoke must get its card back.
            return submission is null
                ? InvokeResponse.Error(400, "BadRequest", "This card action is not one of FeedbackBot's.")
                : Answer(await conversations.HandleAsync(party, request, cancellationToken));
        }

        await ReplyOnceAsync(activity, party, request, cancellationToken);
        return null;
    }

    /// <summary>
    /// The bot was removed from a team (or uninstalled there): its members are no longer a roster the bot can read,
    /// so the team's conversations stop naming it and the people sync stops asking for its members.
    /// </summary>
    private async Task ForgetTeamAsync(Activity activity, string tenantId, CancellationToken cancellationToken)
    {
        if (TeamsActivities.GetTeamId(activity) is not { } teamId)
        {
            return;
        }

        await db.ConversationReferences
            .Where(r => r.TeamId == teamId && r.Tenant!.Channel == TenantChannel.Teams && r.Tenant.ExternalId == tenantId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.TeamId, (string?)null), cancellationToken);
        log.LogInformation("The bot was removed from a Teams team; its members are no longer synchronised");
    }

    private static BotRequest Request(Activity activity, string conversationId, string tenantId, string userId, bool installed, BotSubmission? submission)
    {
        var text = submission is null && activity.Type == ActivityTypes.Message ? TeamsActivities.RemoveBotMention(activity).Text : null;
        return new BotRequest(
            BotChannel.Teams,
            tenantId,
            new BotUser(userId, activity.From?.Name ?? userId),
            conversationId,
            activity.Id,
            installed ? "help" : text,
            submission,
            TeamsActivities.GetMentions(activity).Select(m => new BotMention(new BotUser(m.Id, m.Name ?? m.Id), m.Text)).ToList(),
            Private: activity.Conversation?.ConversationType is null or "personal");
    }

    private static InvokeResponse Answer(ConversationTurn answered)
    {
        var rendered = AdaptiveCardRenderer.Render(answered.Replies[0]);
        return rendered.Card is { } card ? InvokeResponse.Card(card) : InvokeResponse.Message(rendered.Text ?? string.Empty);
    }

    // Teams redelivers a message it got no answer to in time; the second delivery must not act again.
    private async Task ReplyOnceAsync(Activity activity, ConversationParty party, BotRequest request, CancellationToken cancellationToken)
    {
        var claim = activity.Id is { } activityId
            ? await inbox.ClaimAsync(Channel, DeliveryKey.Of(request.ConversationId, activityId), null, cancellationToken)
            : (InboxClaim?)null;
        if (claim is { IsClaimed: false })
        {
            log.LogInformation("Ignored a redelivered Teams activity");
            return;
        }

        try
        {
            await RespondAsync(activity, request.ConversationId, await conversations.HandleAsync(party, request, cancellationToken), cancellationToken);
        }
        catch (Exception error) when (claim is { } held && error is not OperationCanceledException)
        {
            // Given back, so Teams' retry of this activity does the work instead of being ignored.
            await inbox.ReleaseAsync(held.EntryId, error.Message, CancellationToken.None);
            throw;
        }

        if (claim is { } done)
        {
            await inbox.CompleteAsync(done.EntryId, CancellationToken.None);
        }
    }

    private async Task RespondAsync(Activity activity, string conversationId, ConversationTurn turn, CancellationToken cancellationToken)
    {
        foreach (var reply in turn.Replies)
        {
            var message = ReplyActivity.From(reply) with { Conversation = activity.Conversation, From = activity.Recipient, Recipient = activity.From };
            if (turn.ReplacesCard && activity.ReplyToId is { } cardId)
            {
                // Action.Submit from an older client: update the card it came from.
                await connector.UpdateAsync(activity.ServiceUrl!, conversationId, cardId, message with { Id = cardId }, cancellationToken);
            }
            else if (activity.Id is { } id)
            {
                await connector.ReplyAsync(activity.ServiceUrl!, conversationId, id, message, cancellationToken);
            }
            else
            {
                await connector.SendAsync(activity.ServiceUrl!, conversationId, message, cancellationToken);
            }
        }
    }
}
