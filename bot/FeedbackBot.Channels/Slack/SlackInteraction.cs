namespace FeedbackBot.Channels.Slack;

/// <summary>One interactivity payload: what a person did with a message's or a modal's blocks.</summary>
public abstract record SlackInteraction(SlackUserRef User, string? TeamId);

/// <summary>
/// A person pressed a button or changed a select. <see cref="TriggerId"/> opens a modal within 3 s;
/// <see cref="ResponseUrl"/> replies or replaces the message for a while afterwards.
/// </summary>
public sealed record SlackBlockActions(
    SlackUserRef User,
    string? TeamId,
    string? ChannelId,
    string? MessageTs,
    string? TriggerId,
    string? ResponseUrl,
    IReadOnlyList<SlackAction> Actions,
    SlackView? View) : SlackInteraction(User, TeamId);

/// <summary>
/// A person submitted a modal. Answer with an empty body to close it, or with <c>response_action: errors</c> to show
/// what to fix.
/// </summary>
public sealed record SlackViewSubmission(
    SlackUserRef User,
    string? TeamId,
    string? TriggerId,
    SlackView View) : SlackInteraction(User, TeamId);

/// <summary>A person closed a modal without submitting it; the bot only acknowledges it.</summary>
public sealed record SlackViewClosed(SlackUserRef User, string? TeamId, SlackView View) : SlackInteraction(User, TeamId);
