namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>A message the bot posted: its channel and timestamp, which is how Slack addresses it for <c>chat.update</c>.</summary>
/// <param name="ChannelId">The channel (D… for a direct message).</param>
/// <param name="MessageTs">The message's <c>ts</c>.</param>
public sealed record SlackMessageOrigin(string ChannelId, string MessageTs);
