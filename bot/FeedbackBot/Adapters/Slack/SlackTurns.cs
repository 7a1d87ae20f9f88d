using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Adapters.Slack;

/// <summary>
/// What the bot does for a Slack event, command or click: builds the channel-neutral request, lets the conversation
/// features answer, and delivers the answer with Block Kit. The parts Slack waits for (opening a modal within the
/// trigger's 3 seconds, a modal's validation errors) run inside the request; the rest runs from the inbox.
/// </summary>
internal sealed class SlackTurns(
    ConversationHandler conversations,
    FeedbackDbContext db,
    SlackWebApiClient api,
    SlackWorkspaces workspaces,
    SlackWorkQueue queue,
    SlackUserNames names,
    SlackHome home,
    SlackAfterwards afterwards,
    TimeProvider clock,
    ILogger<SlackTurns> log)
{
    /// <summary>Work from the inbox, after the acknowledgement.</summary>
    public Task DoAsync(SlackWork work, CancellationToken cancellationToken) => work.Kind switch
    {
        SlackWork.Event => EventAsync(work.Payload, cancellationToken),
        SlackWork.Command => CommandAsync(work.Payload, cancellationToken),
        SlackWork.Action => ActionAsync(work.Payload, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// An interaction payload, inside the request: opens the survey modal, checks a submitted one, and queues
    /// everything else. Returns what Slack should get back: null to acknowledge, or a <c>response_action</c>.
    /// </summary>
    public async Task<JsonObject?> InteractAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var parsed = SlackInteractionParser.Parse(payload);
        switch (parsed.Value)
        {
            case SlackBlockActions actions when actions.Actions.Count > 0 && Verbs.IsOpenVerb(actions.Actions[0].ActionId):
                await OpenSurveyAsync(actions, payload, cancellationToken);
                return null;
            case SlackBlockActions actions when BlockKitSubmissions.ReadAction(payload) is not null && actions.TeamId is { } teamId:
                var click = actions.Actions[0];
                await queue.EnqueueAsync($"action:{teamId}:{actions.User.Id}:{click.ActionTs ?? actions.MessageTs}:{click.ActionId}", SlackWork.Of(SlackWork.Action, JsonNode.Parse(payload.GetRawText())!), cancellationToken);
                return null;
            case SlackViewSubmission submission when payload.TryGetProperty("view", out var view):
                return await SubmitViewAsync(submission, view, cancellationToken);
            default:
                return null;
        }
    }

    private async Task EventAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        if (SlackEventsParser.Parse(envelope).Value is not SlackEventCallback callback
            || await WorkspaceAsync(callback.TeamId, cancellationToken) is not { } workspace)
        {
            return;
        }

        var e = callback.Event;
        if (e.ShouldIgnore(workspace.BotUserId) || e.User is not { Length: > 0 } userId || e.Channel is not { Length: > 0 } channel)
        {
            return;
        }

        if (e.Type == "app_home_opened")
        {
            if (e.Tab is null or "home")
            {
                await home.PublishAsync(workspace, await names.UserAsync(workspace, userId, cancellationToken), channel, cancellationToken);
            }

            return;
        }

        if (e.Type != "app_mention" && !e.IsDirectMessage)
        {
            return;
        }

        var text = SlackMentions.WithoutBot(e.Text, workspace.BotUserId, mentionedFirst: e.Type == "app_mention");
        var request = new BotRequest(BotChannel.Slack, callback.TeamId, await names.UserAsync(workspace, userId, cancellationToken), channel, e.Ts, text, null, SlackMentions.Read(text), e.IsDirectMessage);
        var turn = await conversations.HandleAsync(request, e.IsDirectMessage ? new ConversationPlace(channel, Personal: true) : null, role: null, cancellationToken);
        var thread = e.IsDirectMessage ? e.ThreadTs : e.ThreadTs ?? e.Ts;
        foreach (var reply in turn.Replies)
        {
            var message = BlockKitRenderer.Render(reply);
            await api.PostMessageAsync(workspace.BotToken, channel, message.Text, message.Blocks, thread, cancellationToken);
        }
    }

    private async Task CommandAsync(JsonElement fields, CancellationToken cancellationToken)
    {
        if (SlackSlashCommandParser.Parse(fields).Value is not SlackSlashCommand command
            || await WorkspaceAsync(command.TeamId, cancellationToken) is not { } workspace)
        {
            return;
        }

        var user = await names.UserAsync(workspace, command.UserId, cancellationToken);
        // A slash command is answered only to the person who typed it (an ephemeral reply), wherever they typed it.
        var request = new BotRequest(BotChannel.Slack, command.TeamId, user, command.ChannelId ?? command.UserId, command.TriggerId, command.Text, null, SlackMentions.Read(command.Text), Private: true);
        var party = await RememberDirectMessageAsync(workspace, request, cancellationToken);
        var turn = await conversations.HandleAsync(party, request, cancellationToken);
        foreach (var reply in turn.Replies)
        {
            var message = BlockKitRenderer.Render(reply);
            // A review is for the whole channel; anything else answers only the person who typed the command.
            var inChannel = reply is ReviewSummary;
            if (command.ResponseUrl is { } responseUrl)
            {
                await api.RespondAsync(responseUrl, message.Text, message.Blocks, replaceOriginal: false, inChannel, cancellationToken);
            }
            else if (command.ChannelId is { } channel)
            {
                await api.PostEphemeralAsync(workspace.BotToken, channel, command.UserId, message.Text, message.Blocks, cancellationToken);
            }
        }
    }

    private async Task ActionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (SlackInteractionParser.Parse(payload).Value is not SlackBlockActions actions
            || actions.TeamId is not { } teamId
            || BlockKitSubmissions.ReadAction(payload) is not { } submission
            || await WorkspaceAsync(teamId, cancellationToken) is not { } workspace)
        {
            return;
        }

        var user = await names.UserAsync(workspace, actions.User.Id, cancellationToken);
        var request = new BotRequest(BotChannel.Slack, teamId, user, actions.ChannelId ?? actions.User.Id, actions.MessageTs, null, submission);
        var turn = await conversations.HandleAsync(request, cancellationToken);
        foreach (var reply in turn.Replies)
        {
            var message = BlockKitRenderer.Render(reply);
            if (turn.ReplacesCard && actions.ResponseUrl is { } responseUrl)
            {
                await api.RespondAsync(responseUrl, message.Text, message.Blocks, replaceOriginal: true, inChannel: false, cancellationToken);
            }
            else if (turn.ReplacesCard && actions.ChannelId is { } channel && actions.MessageTs is { } ts)
            {
                await api.UpdateMessageAsync(workspace.BotToken, channel, ts, message.Text, message.Blocks, cancellationToken);
            }
            else if (actions.ChannelId is { } target)
            {
                await api.PostMessageAsync(workspace.BotToken, target, message.Text, message.Blocks, null, cancellationToken);
            }
        }
    }

    // Inside the request: trigger_id is good for 3 seconds only.
    private async Task OpenSurveyAsync(SlackBlockActions actions, JsonElement payload, CancellationToken cancellationToken)
    {
        if (actions.TeamId is not { } teamId || actions.TriggerId is not { } trigger
            || BlockKitSubmissions.ReadAction(payload) is not { } submission
            || await WorkspaceAsync(teamId, cancellationToken) is not { } workspace)
        {
            return;
        }

        var request = new BotRequest(BotChannel.Slack, teamId, new BotUser(actions.User.Id, actions.User.Name ?? string.Empty), actions.ChannelId ?? actions.User.Id, actions.MessageTs, null, submission);
        var turn = await conversations.HandleAsync(request, cancellationToken);
        var reply = turn.Replies[0];
        if (reply is SurveyPrompt prompt)
        {
            var view = actions.ChannelId is { } channel && actions.MessageTs is { } ts
                ? BlockKitRenderer.SurveyModal(prompt, new SlackMessageOrigin(channel, ts))
                : BlockKitRenderer.SurveyModal(prompt);
            await api.OpenViewAsync(workspace.BotToken, trigger, view, cancellationToken);
            return;
        }

        if (submission.Verb != Verbs.OpenSurvey)
        {
            // A refusal of another form (not a manager, adopted already): said to the person alone, never in place
            // of the message the button was on, which may be a review the whole channel reads.
            PostAfterwards(teamId, actions.User.Id, turn.Replies);
            return;
        }

        // Answered already, or closed: the pulse message says so from now on.
        ShowInPlaceOfPulse(teamId, actions.ChannelId, actions.MessageTs, actions.User.Id, reply);
    }

    private async Task<JsonObject?> SubmitViewAsync(SlackViewSubmission submission, JsonElement view, CancellationToken cancellationToken)
    {
        if (submission.TeamId is not { } teamId || BlockKitSubmissions.ReadView(view) is not { } answers)
        {
            return null;
        }

        var origin = BlockKitSubmissions.ReadOrigin(view);
        var request = new BotRequest(BotChannel.Slack, teamId, new BotUser(submission.User.Id, submission.User.Name ?? string.Empty), origin?.ChannelId ?? submission.User.Id, submission.View.Id, null, answers);
        var turn = await conversations.HandleAsync(request, cancellationToken);
        var reply = turn.Replies[0];
        if (reply is SurveyPrompt { Errors.Count: > 0 } retry)
        {
            return ViewErrors.From(retry.Errors);
        }

        if (answers.Verb != Verbs.SubmitSurvey)
        {
            // A form that is not a pulse's (a scorecard, an answer to an evaluation): what it produced is a message of
            // its own, not a stand-in for the message the modal came from.
            PostAfterwards(teamId, submission.User.Id, turn.Replies);
            return null;
        }

        ShowInPlaceOfPulse(teamId, origin?.ChannelId, origin?.MessageTs, submission.User.Id, reply);
        return null;
    }

    private void PostAfterwards(string teamId, string userId, IReadOnlyList<BotReply> replies)
    {
        var messages = replies.Select(BlockKitRenderer.Render).ToList();
        afterwards.Run(async (services, cancellationToken) =>
        {
            if (await services.GetRequiredService<SlackWorkspaces>().FindAsync(teamId, cancellationToken) is not { } workspace)
            {
                return;
            }

            var api = services.GetRequiredService<SlackWebApiClient>();
            var channel = await api.OpenConversationAsync(workspace.BotToken, [userId], cancellationToken);
            foreach (var message in messages)
            {
                await api.PostMessageAsync(workspace.BotToken, channel, message.Text, message.Blocks, null, cancellationToken);
            }
        });
    }

    private void ShowInPlaceOfPulse(string teamId, string? channel, string? ts, string userId, BotReply reply)
    {
        var message = BlockKitRenderer.Render(reply);
        afterwards.Run(async (services, cancellationToken) =>
        {
            if (await services.GetRequiredService<SlackWorkspaces>().FindAsync(teamId, cancellationToken) is not { } workspace)
            {
                return;
            }

            if (channel is not null && ts is not null)
            {
                await services.GetRequiredService<SlackWebApiClient>().UpdateMessageAsync(workspace.BotToken, channel, ts, message.Text, message.Blocks, cancellationToken);
            }
            else
            {
                // Opened from the App Home: the Home shows the pulses still open.
                var user = await services.GetRequiredService<SlackUserNames>().UserAsync(workspace, userId, cancellationToken);
                await services.GetRequiredService<SlackHome>().PublishAsync(workspace, user, null, cancellationToken);
            }
        });
    }

    private async Task<SlackWorkspace?> WorkspaceAsync(string teamId, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FindAsync(teamId, cancellationToken);
        if (workspace is null)
        {
            log.LogWarning("Ignored Slack work for a workspace the bot has no token for");
        }

        return workspace;
    }

    // A slash command can come from any channel; pulses need the person's direct message with the bot, opened the
    // first time only. Returns the person, resolved once for the whole turn.
    private async Task<ConversationParty> RememberDirectMessageAsync(SlackWorkspace workspace, BotRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var party = await ConversationParty.ResolveAsync(db, request, now, cancellationToken);
        if (!await db.ConversationReferences.AnyAsync(r => r.PersonId == party.Person.Id, cancellationToken))
        {
            var channel = await api.OpenConversationAsync(workspace.BotToken, [request.User.Id], cancellationToken);
            await party.RememberAsync(db, new ConversationPlace(channel, Personal: true), now, cancellationToken);
        }

        return party;
    }
}
