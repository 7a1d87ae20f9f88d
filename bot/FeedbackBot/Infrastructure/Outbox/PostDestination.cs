using FeedbackBot.Data.Entities;

namespace FeedbackBot.Infrastructure.Outbox;

/// <summary>Where a plan's reviews and summaries go: a platform and its channel (or, in the playground, a manager's conversation).</summary>
internal sealed record PostDestination(TenantChannel Channel, string Conversation)
{
    public string Key => $"{Channel}:{Conversation}".ToLowerInvariant();
}
