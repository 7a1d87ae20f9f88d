using System.Globalization;
using System.Text.Json;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// The playground's conversations, tokens and activities, in memory and bounded by <see cref="DirectLineLimits"/>.
/// The store gives every activity its id, position (watermark), timestamp and addressing; nothing of that is taken
/// from a client. Thread-safe: every operation runs under one lock, and none of them waits for anything.
/// </summary>
public sealed class DirectLineStore(TimeProvider time, DirectLineLimits limits)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public DirectLineLimits Limits { get; } = limits;

    /// <summary>Live conversations now.</summary>
    public int ConversationCount
    {
        get
        {
            lock (_gate)
            {
                Sweep(time.GetUtcNow(), force: true);
                return _conversations.Count;
            }
        }
    }

    /// <summary>Starts a conversation for <paramref name="identity"/> and issues its first token.</summary>
    public DirectLineGrant Start(PlaygroundIdentity identity, string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(identity);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Sweep(now, force: true);
            while (_conversations.Count >= Limits.MaxConversations)
            {
                Remove(_conversations.Values.MinBy(c => c.LastUsed)!);
            }

            var stored = new StoredConversation(new PlaygroundConversation(BearerTokens.NewConversationId(), identity, serviceUrl), now);
            _conversations.Add(stored.Id, stored);
            return Issue(stored, now);
        }
    }

    /// <summary>The grant of a valid token, or null for one that is unknown, expired, revoked or of an ended conversation.</summary>
    /// <remarks>Counts as use of the conversation: a page that keeps polling keeps its conversation alive.</remarks>
    public DirectLineGrant? Authenticate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Sweep(now, force: false);
            if (Find(token, now) is not { } found)
            {
                return null;
            }

            found.Conversation.LastUsed = now;
            return new DirectLineGrant(found.Conversation.Conversation, token, found.Record.ExpiresAt - now);
        }
    }

    /// <summary>A new token for the conversation of a valid <paramref name="token"/>, which stays valid until it expires.</summary>
    public DirectLineGrant? Refresh(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (Find(token, now) is not { } found)
            {
                return null;
            }

            found.Conversation.LastUsed = now;
            return Issue(found.Conversation, now);
        }
    }

    /// <summary>The activities after position <paramref name="afterSequence"/> (0 for all kept), or null if the conversation has ended.</summary>
    public DirectLineActivitySet? Read(string conversationId, long afterSequence)
    {
        lock (_gate)
        {
            if (Live(conversationId, time.GetUtcNow()) is not { } conversation)
            {
                return null;
            }

            var activities = conversation.Activities.Where(a => a.Sequence > afterSequence).Select(a => a.Activity).ToList();
            return new DirectLineActivitySet(activities, conversation.LastSequence.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Stores what a person posted, addressed from the conversation's identity to the bot. The same
    /// <c>channelData.clientActivityID</c> posted again is not stored again: the first stored activity comes back.
    /// Null if the conversation has ended.
    /// </summary>
    public UserPost? AppendFromUser(string conversationId, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (Live(conversationId, now) is not { } conversation)
            {
                return null;
            }

            var clientId = ClientActivityId(activity);
            if (clientId is not null && conversation.ClientPosts.TryGetValue(clientId, out var earlier))
            {
                return new UserPost(earlier.Activity, earlier.Handled);
            }

            var stored = Append(conversation, FromUser(conversation, activity), now);
            if (clientId is not null)
            {
                conversation.ClientPosts.Add(clientId, new ClientPost(stored));
                conversation.ClientPostOrder.Enqueue(clientId);
                while (conversation.ClientPostOrder.Count > Limits.MaxActivitiesPerConversation)
                {
                    conversation.ClientPosts.Remove(conversation.ClientPostOrder.Dequeue());
                }
            }

            return new UserPost(stored, AlreadyHandled: false);
        }
    }

    /// <summary>Records that the bot has handled this posted activity, so posting it again does not run it again.</summary>
    public void MarkHandled(string conversationId, Activity posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        lock (_gate)
        {
            if (ClientActivityId(posted) is { } clientId
                && _conversations.TryGetValue(conversationId, out var conversation)
                && conversation.ClientPosts.TryGetValue(clientId, out var post))
            {
                post.Handled = true;
            }
        }
    }

    /// <summary>Stores what the bot sends, addressed from the bot to the conversation's identity; null if the conversation has ended.</summary>
    public Activity? AppendFromBot(string conversationId, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return Live(conversationId, now) is { } conversation ? Append(conversation, FromBot(conversation, activity), now) : null;
        }
    }

    /// <summary>
    /// Replaces an activity the bot sent: the new content keeps the id and timestamp and moves to a new position, so
    /// a client polling after its watermark receives it again, and Web Chat (4.18) draws it in place of the old one.
    /// Null if the conversation has ended or holds no such bot activity.
    /// </summary>
    public Activity? Replace(string conversationId, string activityId, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (Live(conversationId, now) is not { } conversation)
            {
                return null;
            }

            var index = conversation.Activities.FindIndex(a => a.Activity.Id == activityId && a.Activity.From?.Role == PlaygroundChannel.Bot.Role);
            if (index < 0)
            {
                return null;
            }

            var original = conversation.Activities[index];
            conversation.Activities.RemoveAt(index);
            conversation.Bytes -= original.Bytes;
            var replacement = FromBot(conversation, activity) with { Id = activityId, Timestamp = original.Activity.Timestamp };
            return Place(conversation, replacement);
        }
    }

    /// <summary>The conversation, or null if it has ended.</summary>
    public PlaygroundConversation? Find(string conversationId)
    {
        lock (_gate)
        {
            return Live(conversationId, time.GetUtcNow())?.Conversation;
        }
    }

    /// <summary>The live conversations of a user id, most recently used first (a person may have several tabs open).</summary>
    public IReadOnlyList<PlaygroundConversation> ConversationsOf(string userId)
    {
        lock (_gate)
        {
            Sweep(time.GetUtcNow(), force: true);
            return _conversations.Values
                .Where(c => c.Conversation.Identity.UserId == userId)
                .OrderByDescending(c => c.LastUsed)
                .Select(c => c.Conversation)
                .ToList();
        }
    }

    /// <summary>
    /// The <c>conversationUpdate</c> that tells the bot a conversation has started, with the person and the bot as
    /// members added. It is handed to the bot only, not shown to the client.
    /// </summary>
    public Activity? ConversationStarted(string conversationId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (Live(conversationId, now) is not { } conversation)
            {
                return null;
            }

            var identity = conversation.Conversation.Identity;
            return Address(conversation, new Activity { Type = ActivityTypes.ConversationUpdate }, identity.Account, PlaygroundChannel.Bot) with
            {
                Id = ActivityId(conversation, 0),
                Timestamp = NextTimestamp(conversation, now),
                MembersAdded = [identity.Account, PlaygroundChannel.Bot],
            };
        }
    }

    internal SemaphoreSlim? TurnGate(string conversationId)
    {
        lock (_gate)
        {
            return Live(conversationId, time.GetUtcNow())?.TurnGate;
        }
    }

    private static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string ActivityId(StoredConversation conversation, long sequence) =>
        $"{conversation.Id}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    private static Activity Address(StoredConversation conversation, Activity activity, ChannelAccount from, ChannelAccount recipient) =>
        activity with
        {
            ChannelId = PlaygroundChannel.ChannelId,
            ServiceUrl = conversation.Conversation.ServiceUrl,
            Conversation = conversation.Conversation.Account,
            From = from,
            Recipient = recipient,
        };

    /// <summary>Who sent it and where it belongs come from the token, whatever the body says.</summary>
    private static Activity FromUser(StoredConversation conversation, Activity activity) =>
        Address(conversation, CardSubmitReplyTo.Unstamp(activity, conversation.Id), conversation.Conversation.Identity.Account, PlaygroundChannel.Bot) with
        {
            MembersAdded = null,
            Action = null,
        };

    private static Activity FromBot(StoredConversation conversation, Activity activity) =>
        UniversalActionFallback.Apply(Address(conversation, activity, PlaygroundChannel.Bot, conversation.Conversation.Identity.Account));

    private Activity Append(StoredConversation conversation, Activity activity, DateTimeOffset now) =>
        Place(conversation, activity with { Id = ActivityId(conversation, conversation.LastSequence + 1), Timestamp = NextTimestamp(conversation, now) });

    private Activity Place(StoredConversation conversation, Activity activity)
    {
        if (activity.From?.Role == PlaygroundChannel.Bot.Role)
        {
            activity = CardSubmitReplyTo.Stamp(activity);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options).Length;
        conversation.LastSequence++;
        conversation.Activities.Add(new StoredActivity(conversation.LastSequence, activity, bytes));
        conversation.Bytes += bytes;
        while (conversation.Activities.Count > 1
               && (conversation.Activities.Count > Limits.MaxActivitiesPerConversation || conversation.Bytes > Limits.MaxBytesPerConversation))
        {
            conversation.Bytes -= conversation.Activities[0].Bytes;
            conversation.Activities.RemoveAt(0);
        }

        return activity;
    }

    /// <summary>Milliseconds, as a browser reads them, and strictly increasing within a conversation: Web Chat orders by them.</summary>
    private static DateTimeOffset NextTimestamp(StoredConversation conversation, DateTimeOffset now)
    {
        var milliseconds = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var next = milliseconds > conversation.LastTimestamp ? milliseconds : conversation.LastTimestamp.AddMilliseconds(1);
        conversation.LastTimestamp = next;
        return next;
    }

    private DirectLineGrant Issue(StoredConversation conversation, DateTimeOffset now)
    {
        var token = BearerTokens.NewToken();
        var key = BearerTokens.Key(token);
        _tokens.Add(key, new TokenRecord(conversation.Id, now + Limits.TokenLifetime));
        conversation.TokenKeys.Add(key);
        while (conversation.TokenKeys.Count > Limits.MaxTokensPerConversation)
        {
            _tokens.Remove(conversation.TokenKeys[0]);
            conversation.TokenKeys.RemoveAt(0);
        }

        return new DirectLineGrant(conversation.Conversation, token, Limits.TokenLifetime);
    }

    private (StoredConversation Conversation, TokenRecord Record)? Find(string token, DateTimeOffset now)
    {
        var key = BearerTokens.Key(token);
        if (!_tokens.TryGetValue(key, out var record))
        {
            return null;
        }

        if (record.ExpiresAt <= now)
        {
            _tokens.Remove(key);
            if (_conversations.TryGetValue(record.ConversationId, out var owner))
            {
                owner.TokenKeys.Remove(key);
            }

            return null;
        }

        return Live(record.ConversationId, now) is { } conversation ? (conversation, record) : null;
    }

    private StoredConversation? Live(string conversationId, DateTimeOffset now)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (now - conversation.LastUsed >= Limits.IdleTimeout)
        {
            Remove(conversation);
            return null;
        }

        return conversation;
    }

    private void Sweep(DateTimeOffset now, bool force)
    {
        if (!force && now - _lastSweep < SweepInterval)
        {
            return;
        }

        _lastSweep = now;
        foreach (var idle in _conversations.Values.Where(c => now - c.LastUsed >= Limits.IdleTimeout).ToList())
        {
            Remove(idle);
        }

        foreach (var (key, record) in _tokens.Where(t => t.Value.ExpiresAt <= now).ToList())
        {
            _tokens.Remove(key);
            if (_conversations.TryGetValue(record.ConversationId, out var owner))
            {
                owner.TokenKeys.Remove(key);
            }
        }
    }

    private void Remove(StoredConversation conversation)
    {
        _conversations.Remove(conversation.Id);
        foreach (var key in conversation.TokenKeys)
        {
            _tokens.Remove(key);
        }
    }
}
