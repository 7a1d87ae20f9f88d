namespace FeedbackBot.Channels.Playground;

/// <summary>Where a proactive activity landed: keep both ids to update the activity later.</summary>
public sealed record PlaygroundDelivery(string ConversationId, string ActivityId);
