namespace FeedbackBot.Channels.Slack;

/// <summary>The person behind an interaction: their id, display name when Slack gave one, and their workspace.</summary>
public sealed record SlackUserRef(string Id, string? Name, string? TeamId);
