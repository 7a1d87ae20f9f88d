using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Hosting;
using FeedbackBot.Inbox;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: activities from Teams. The bearer token is checked before anything in the body is
/// acted on; a request that fails gets 401 and changes nothing.
/// </summary>
internal static class TeamsMessagesEndpoint
{
    // Teams activities, cards included, stay far below this.
    private const int MaxBodyBytes = 256 * 1024;
    private const string Channel = "teams";

    public static IEndpointRouteBuilder MapTeamsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<TeamsOptions> options,
        BotFrameworkAuthenticator authenticator,
        ConversationHandler conversations,
        InboundDeliveries inbox,
        FeedbackDbContext db,
        BotConnectorClient connector,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger("FeedbackBot.Teams");
        if (!options.Value.IsConfigured)
        {
            return Results.Unauthorized();
        }

        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        Activity? activity = null;
        if (body is null || !TeamsActivities.TryParse(body, out activity))
        {
            // An unreadable body is refused the same way as a bad token, so a forger learns nothing.
            return Results.Unauthorized();
        }

        var authentication = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (!authentication.Succeeded)
        {
            log.LogWarning("Refused a Teams activity: {Reason}", authentication.FailureReason);
            return Results.Unauthorized();
        }

        var tenantId = TeamsActivities.GetTenantId(activity);
        var userId = TeamsActivities.GetUserId(activity);
        if (tenantId is null || userId is null || activity.Conversation?.Id is null)
        {
            return Results.Ok();
        }

        var installed = TeamsActivities.IsBotInstalled(activity);
        var submission = activity.Value is { } value ? AdaptiveCardSubmissions.Read(value) : null;
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        if (activity.Type != ActivityTypes.Message && !isInvoke && !installed)
        {
            return Results.Ok();
        }

        var text = submission is null && activity.Type == ActivityTypes.Message ? TeamsActivities.RemoveBotMention(activity).Text : null;
        var request = new BotRequest(
            BotChannel.Teams,
            tenantId,
            new BotUser(userId, activity.From?.Name ?? userId),
            activity.Conversation.Id,
            activity.Id,
            installed ? "help" : text,
            submission,
            TeamsActivities.GetMentions(activity).Select(m => new BotMention(new BotUser(m.Id, m.Name ?? m.Id), m.Text)).ToList());
        var personal = activity.Conversation.ConversationType is null or "personal";
        var place = new ConversationPlace(activity.Conversation.Id, personal, activity.ServiceUrl, activity.Recipient?.Id);
        var party = await ConversationParty.ResolveAsync(db, request, place, role: null, clock.GetUtcNow().UtcDateTime, cancellationToken);

        if (isInvoke && submission is null)
        {
            return Invoke(InvokeResponse.Error(400, "BadRequest", "This card action is not one of FeedbackBot's."));
        }

        if (isInvoke)
        {
            // Card submissions are idempotent by the card's own id, and a retried invoke must get its card back.
            var answered = await conversations.HandleAsync(party, request, cancellationToken);
            var rendered = AdaptiveCardRenderer.Render(answered.Replies[0]);
            return Invoke(rendered.Card is { } card ? InvokeResponse.Card(card) : InvokeResponse.Message(rendered.Text ?? string.Empty));
        }

        // Teams redelivers a message it got no answer to in time; the second delivery must not act again.
        var claim = activity.Id is { } activityId
            ? await inbox.ClaimAsync(Channel, DeliveryKey.Of(activity.Conversation.Id, activityId), null, cancellationToken)
            : (InboxClaim?)null;
        if (claim is { IsClaimed: false })
        {
            log.LogInformation("Ignored a redelivered Teams activity");
            return Results.Ok();
        }

        try
        {
            await RespondAsync(activity, party, request, conversations, connector, cancellationToken);
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

        return Results.Ok();
    }

    private static async Task RespondAsync(
        Activity activity, ConversationParty party, BotRequest request, ConversationHandler conversations, BotConnectorClient connector, CancellationToken cancellationToken)
    {
        var turn = await conversations.HandleAsync(party, request, cancellationToken);
        var conversationId = request.ConversationId;
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

    private static IResult Invoke(InvokeResponse response) =>
        Results.Text(response.ToJson(), "application/json", System.Text.Encoding.UTF8, response.Status);
}
