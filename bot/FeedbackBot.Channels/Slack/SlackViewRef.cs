namespace FeedbackBot.Channels.Slack;

/// <summary>A modal Slack opened or updated: its id, and the hash that guards the next update against a stale view.</summary>
public sealed record SlackViewRef(string Id, string? Hash);
