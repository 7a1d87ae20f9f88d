namespace FeedbackBot.Channels.Teams;

/// <summary>Someone @-mentioned in a message: their id, display name, and the <c>&lt;at&gt;</c> text standing for them.</summary>
public sealed record Mention(string Id, string? Name, string Text);
