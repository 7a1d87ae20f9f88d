using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>An activity a person posted, as stored, and whether the bot has already handled it (a repeated post).</summary>
public sealed record UserPost(Activity Activity, bool AlreadyHandled);
