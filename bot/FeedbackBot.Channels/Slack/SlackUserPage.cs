namespace FeedbackBot.Channels.Slack;

/// <summary>One page of <c>users.list</c>, and the cursor of the next page; null on the last.</summary>
public sealed record SlackUserPage(IReadOnlyList<SlackMember> Members, string? NextCursor);
