namespace FeedbackBot.Channels.Playground;

/// <summary>
/// The bounds of the in-memory Direct Line store. The playground is for trying the bot, not for keeping history, so
/// the oldest things go first when a bound is reached.
/// </summary>
public sealed record DirectLineLimits
{
    /// <summary>The bounds the host uses.</summary>
    public static DirectLineLimits Default { get; } = new();

    /// <summary>Live conversations at most; starting one more ends the one unused for longest.</summary>
    public int MaxConversations { get; init; } = 100;

    /// <summary>Activities kept per conversation; the oldest are dropped beyond it.</summary>
    public int MaxActivitiesPerConversation { get; init; } = 500;

    /// <summary>Serialised activities kept per conversation, in bytes; the oldest are dropped beyond it.</summary>
    public long MaxBytesPerConversation { get; init; } = 4 * 1024 * 1024;

    /// <summary>The largest activity a client may post, in bytes of JSON.</summary>
    public int MaxPostedActivityBytes { get; init; } = 64 * 1024;

    /// <summary>Valid tokens per conversation; refreshing beyond it revokes the oldest.</summary>
    public int MaxTokensPerConversation { get; init; } = 8;

    /// <summary>A conversation nobody has called about for this long ends, and its tokens with it.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long a token works; Web Chat refreshes it at half this (Direct Line's own 30 minutes).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(30);
}
