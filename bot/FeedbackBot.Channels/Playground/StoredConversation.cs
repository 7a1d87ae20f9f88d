using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>The state of one conversation inside <see cref="DirectLineStore"/>; only touched under the store's lock.</summary>
internal sealed class StoredConversation(PlaygroundConversation conversation, DateTimeOffset now)
{
    public PlaygroundConversation Conversation { get; } = conversation;

    public string Id => Conversation.Id;

    public DateTimeOffset LastUsed { get; set; } = now;

    /// <summary>The position of the newest activity: the watermark. Never goes back, even when activities are dropped.</summary>
    public long LastSequence { get; set; }

    /// <summary>The newest timestamp given out, so every later activity gets a later one even if the clock stalls.</summary>
    public DateTimeOffset LastTimestamp { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Ordered by sequence; an updated activity moves to the end with a new sequence.</summary>
    public List<StoredActivity> Activities { get; } = [];

    public long Bytes { get; set; }

    /// <summary>What each client activity id was stored as, oldest first, for idempotent posting.</summary>
    public Dictionary<string, ClientPost> ClientPosts { get; } = new(StringComparer.Ordinal);

    public Queue<string> ClientPostOrder { get; } = new();

    /// <summary>Keys of this conversation's tokens, oldest first.</summary>
    public List<string> TokenKeys { get; } = [];

    /// <summary>One turn at a time per conversation, so a repeated post waits for the first to finish.</summary>
    public SemaphoreSlim TurnGate { get; } = new(1, 1);
}

/// <summary>An activity at its position in the conversation, with its serialised size.</summary>
internal sealed record StoredActivity(long Sequence, Activity Activity, int Bytes);

/// <summary>A posted client activity and whether the bot has handled it.</summary>
internal sealed class ClientPost(Activity activity)
{
    public Activity Activity { get; } = activity;

    public bool Handled { get; set; }
}

/// <summary>A token's conversation and the moment it stops working.</summary>
internal sealed record TokenRecord(string ConversationId, DateTimeOffset ExpiresAt);
