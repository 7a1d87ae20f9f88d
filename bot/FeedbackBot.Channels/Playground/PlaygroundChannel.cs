using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>What every playground activity carries besides its content.</summary>
public static class PlaygroundChannel
{
    /// <summary>The <c>channelId</c> of every playground activity.</summary>
    public const string ChannelId = "playground";

    /// <summary>The one tenant of the playground: its people and plans are kept apart from every real tenant's.</summary>
    public const string TenantId = "local";

    /// <summary>Every playground conversation is one person with the bot, like a Teams personal chat.</summary>
    public const string ConversationType = "personal";

    /// <summary>The bot's account: <c>from</c> of what the bot sends, <c>recipient</c> of what people send.</summary>
    public static ChannelAccount Bot { get; } = new() { Id = "feedbackbot", Name = "FeedbackBot", Role = "bot" };
}
