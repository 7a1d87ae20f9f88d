namespace FeedbackBot.Channels.Slack;

/// <summary>What <c>users.info</c> says about a person: enough to greet them and to know whether they can be reached.</summary>
public sealed record SlackUserInfo(string Id, string? Name, string? RealName, string? TeamId, bool IsBot, bool Deleted);
