using System.Globalization;
using FeedbackBot.Channels.BotFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// The Direct Line 3.0 subset Web Chat needs, over <see cref="DirectLineStore"/>: start or reconnect to a
/// conversation, post an activity (handed to the <see cref="IPlaygroundBot"/> before the post is answered), read the
/// activities after a watermark, refresh a token. Every call but starting a conversation needs the conversation's
/// bearer token. The host maps each <see cref="DirectLineOutcome"/> to its HTTP status.
/// </summary>
public sealed class DirectLineService(
    DirectLineStore store, PlaygroundMessenger messenger, IServiceScopeFactory scopes, ILogger<DirectLineService> logger)
{
    private const string MissingToken = "Send the conversation's token as 'Authorization: Bearer <token>'.";
    private const string InvalidToken = "The token is not valid: it is unknown or expired, or its conversation has ended.";

    /// <summary>
    /// Without a token: starts a conversation for the identity named by <c>user.id</c> (the first identity when there
    /// is none), tells the bot with a conversationUpdate, and answers with its first token. With a valid token: answers
    /// with that token's conversation, as Direct Line does for a token made in advance.
    /// </summary>
    public async Task<DirectLineResult<DirectLineConversation>> StartAsync(
        string? authorization, DirectLineStartRequest? request, string serviceUrl, CancellationToken cancellationToken)
    {
        if (authorization is not null)
        {
            var existing = Authorize(authorization, conversationId: null);
            return existing.Value is { } grant ? DirectLineResult.Ok(grant.ToResponse()) : existing.As<DirectLineConversation>();
        }

        var userId = request?.User?.Id;
        var identity = string.IsNullOrEmpty(userId) ? PlaygroundIdentity.All[0] : PlaygroundIdentity.Find(userId);
        if (identity is null)
        {
            return DirectLineResult.Fail<DirectLineConversation>(
                DirectLineOutcome.BadRequest,
                $"Unknown user '{userId}'. The playground's identities are {string.Join(", ", PlaygroundIdentity.All.Select(i => i.UserId))}.");
        }

        var started = store.Start(identity, serviceUrl);
        await DeliverConversationStartAsync(started.Conversation, cancellationToken);
        return DirectLineResult.Ok(started.ToResponse());
    }

    /// <summary><c>GET /conversations/{id}</c>: what Web Chat calls first when it is given a conversation id and token.</summary>
    public DirectLineResult<DirectLineConversation> Reconnect(string? authorization, string conversationId)
    {
        var authorized = Authorize(authorization, conversationId);
        return authorized.Value is { } grant ? DirectLineResult.Ok(grant.ToResponse()) : authorized.As<DirectLineConversation>();
    }

    /// <summary><c>POST /tokens/refresh</c>: a new token for the same conversation.</summary>
    public DirectLineResult<DirectLineConversation> Refresh(string? authorization)
    {
        if (BearerTokens.FromHeader(authorization) is not { } token)
        {
            return DirectLineResult.Fail<DirectLineConversation>(DirectLineOutcome.Unauthorized, MissingToken);
        }

        return store.Refresh(token) is { } grant
            ? DirectLineResult.Ok(grant.ToResponse())
            : DirectLineResult.Fail<DirectLineConversation>(DirectLineOutcome.Forbidden, InvalidToken);
    }

    /// <summary>The activities after <paramref name="watermark"/> (all kept ones when it is empty).</summary>
    public DirectLineResult<DirectLineActivitySet> GetActivities(string? authorization, string conversationId, string? watermark)
    {
        var authorized = Authorize(authorization, conversationId);
        if (authorized.Value is null)
        {
            return authorized.As<DirectLineActivitySet>();
        }

        long after = 0;
        if (!string.IsNullOrEmpty(watermark)
            && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return DirectLineResult.Fail<DirectLineActivitySet>(DirectLineOutcome.BadRequest, $"The watermark '{watermark}' is not one this server gave out.");
        }

        return store.Read(conversationId, after) is { } set
            ? DirectLineResult.Ok(set)
            : DirectLineResult.Fail<DirectLineActivitySet>(DirectLineOutcome.Forbidden, InvalidToken);
    }

    /// <summary>
    /// Stores the activity and hands it to the bot; answers once the bot has finished the turn, so the replies are
    /// already waiting at the next poll. One turn at a time per conversation. A repeated post (same
    /// <c>channelData.clientActivityID</c>) answers with the first one's id, and reaches the bot again only if the
    /// bot failed on it.
    /// </summary>
    public async Task<DirectLineResult<DirectLineResourceResponse>> PostAsync(
        string? authorization, string conversationId, Activity? activity, CancellationToken cancellationToken)
    {
        var authorized = Authorize(authorization, conversationId);
        if (authorized.Value is not { } grant)
        {
            return authorized.As<DirectLineResourceResponse>();
        }

        if (activity is null || activity.Type is not (ActivityTypes.Message or ActivityTypes.Event))
        {
            return DirectLineResult.Fail<DirectLineResourceResponse>(
                DirectLineOutcome.BadRequest, $"Post a JSON activity of type '{ActivityTypes.Message}' or '{ActivityTypes.Event}'.");
        }

        if (store.TurnGate(conversationId) is not { } gate)
        {
            return DirectLineResult.Fail<DirectLineResourceResponse>(DirectLineOutcome.Forbidden, InvalidToken);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (store.AppendFromUser(conversationId, activity) is not { } post)
            {
                return DirectLineResult.Fail<DirectLineResourceResponse>(DirectLineOutcome.Forbidden, InvalidToken);
            }

            var response = new DirectLineResourceResponse(post.Activity.Id!);
            if (post.AlreadyHandled)
            {
                return DirectLineResult.Ok(response);
            }

            var outcome = await RunTurnAsync(new PlaygroundTurn(post.Activity, grant.Conversation, messenger), cancellationToken);
            if (outcome is not null)
            {
                return outcome.As<DirectLineResourceResponse>();
            }

            store.MarkHandled(conversationId, post.Activity);
            return DirectLineResult.Ok(response);
        }
        finally
        {
            gate.Release();
        }
    }

    private DirectLineResult<DirectLineGrant> Authorize(string? authorization, string? conversationId)
    {
        if (BearerTokens.FromHeader(authorization) is not { } token)
        {
            return DirectLineResult.Fail<DirectLineGrant>(DirectLineOutcome.Unauthorized, MissingToken);
        }

        if (store.Authenticate(token) is not { } grant)
        {
            return DirectLineResult.Fail<DirectLineGrant>(DirectLineOutcome.Forbidden, InvalidToken);
        }

        return conversationId is null || string.Equals(grant.Conversation.Id, conversationId, StringComparison.Ordinal)
            ? DirectLineResult.Ok(grant)
            : DirectLineResult.Fail<DirectLineGrant>(DirectLineOutcome.Forbidden, "The token is for another conversation.");
    }

    /// <summary>The bot's welcome is part of starting, but a bot that fails on it must not stop the conversation from opening.</summary>
    private async Task DeliverConversationStartAsync(PlaygroundConversation conversation, CancellationToken cancellationToken)
    {
        if (store.ConversationStarted(conversation.Id) is not { } started || store.TurnGate(conversation.Id) is not { } gate)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await RunTurnAsync(new PlaygroundTurn(started, conversation, messenger), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <returns>Null when the bot handled the turn; otherwise why not.</returns>
    private async Task<DirectLineResult<DirectLineGrant>?> RunTurnAsync(PlaygroundTurn turn, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetService<IPlaygroundBot>();
        if (bot is null)
        {
            logger.LogError("A playground activity arrived, but no IPlaygroundBot is registered to answer it.");
            return DirectLineResult.Fail<DirectLineGrant>(DirectLineOutcome.BotUnavailable, "No conversation features are registered to answer the playground.");
        }

        try
        {
            await bot.OnActivityAsync(turn, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The bot failed on playground activity {ActivityId} ({Type}) in conversation {ConversationId}.",
                turn.Activity.Id, turn.Activity.Type, turn.Conversation.Id);
            return DirectLineResult.Fail<DirectLineGrant>(DirectLineOutcome.BotFailed, "The bot failed while handling the activity; post it again to retry.");
        }
    }
}
