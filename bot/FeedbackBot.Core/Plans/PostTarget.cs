namespace FeedbackBot.Core.Plans;

/// <summary>A channel that receives a plan's reviews and weekly summaries.</summary>
/// <param name="Channel">The chat platform.</param>
/// <param name="Conversation">The platform's id of the channel or conversation (a Teams <c>19:…</c> id, a Slack <c>C…</c> id).</param>
public sealed record PostTarget(ChatChannel Channel, string Conversation);
