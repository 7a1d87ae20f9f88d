using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Teams;

/// <summary>Reads what the bot needs from Teams activities: who, where, what was said or submitted.</summary>
public static partial class TeamsActivities
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>Deserialises a request body; false when it is not an activity.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out Activity? activity)
    {
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
            return activity is not null;
        }
        catch (JsonException)
        {
            activity = null;
            return false;
        }
    }

    /// <summary>The tenant: <c>conversation.tenantId</c>, or else <c>channelData.tenant.id</c>.</summary>
    public static string? GetTenantId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrEmpty(activity.Conversation?.TenantId))
        {
            return activity.Conversation.TenantId;
        }

        return activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 } tenantId
                ? tenantId
                : null;
    }

    /// <summary>
    /// The team of a conversation in a team's channel (<c>channelData.team.id</c>, the id of its General channel);
    /// null in personal and group chats.
    /// </summary>
    public static string? GetTeamId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
            && GetString(team, "id") is { Length: > 0 } teamId
                ? teamId
                : null;
    }

    /// <summary>The sender's Teams id (<c>29:...</c>).</summary>
    public static string? GetUserId(Activity activity) => Nonempty(activity?.From?.Id);

    /// <summary>The sender's Entra object id, the same in every conversation and app.</summary>
    public static string? GetAadObjectId(Activity activity) => Nonempty(activity?.From?.AadObjectId);

    /// <summary>
    /// What is needed to message the sender's conversation later; null when the activity lacks any of the service
    /// URL, conversation, sender, bot or channel.
    /// </summary>
    public static ConversationReference? GetConversationReference(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Nonempty(activity.ServiceUrl) is not { } serviceUrl
            || Nonempty(activity.Conversation?.Id) is not { } conversationId
            || GetUserId(activity) is not { } userId
            || Nonempty(activity.Recipient?.Id) is not { } botId
            || Nonempty(activity.ChannelId) is not { } channelId)
        {
            return null;
        }

        return new ConversationReference(
            serviceUrl, conversationId, GetTenantId(activity), userId, Nonempty(activity.From?.Name), botId, channelId);
    }

    /// <summary>The people @-mentioned in the activity, the bot itself left out.</summary>
    public static IReadOnlyList<Mention> GetMentions(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ReadMentions(activity).Where(m => !IsBot(activity, m.Id)).ToList();
    }

    /// <summary>
    /// The activity with the bot's own @-mention taken out of the text and the entities, so "@FeedbackBot help"
    /// reads "help"; other people's mentions stay.
    /// </summary>
    public static Activity RemoveBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        if (text is not null)
        {
            var botTexts = ReadMentions(activity).Where(m => IsBot(activity, m.Id)).Select(m => m.Text).ToList();
            if (!string.IsNullOrEmpty(activity.Recipient?.Name))
            {
                botTexts.Add($"<at>{activity.Recipient.Name}</at>");
            }

            foreach (var botText in botTexts.Where(t => t.Length > 0))
            {
                text = text.Replace(botText, " ", StringComparison.OrdinalIgnoreCase);
            }

            text = RunOfSpaces().Replace(text, " ").Trim();
        }

        var entities = activity.Entities?.Where(e => !(IsMention(e) && IsBot(activity, MentionedId(e)))).ToList();
        return activity with { Text = text, Entities = entities };
    }

    /// <summary>True when the bot was just added: to a team or chat (conversationUpdate), or installed (installationUpdate).</summary>
    public static bool IsBotInstalled(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m => IsBot(activity, m.Id)) == true,
            ActivityTypes.InstallationUpdate => string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>True when the bot was removed from the conversation or uninstalled.</summary>
    public static bool IsBotRemoved(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.ConversationUpdate => activity.Extra is { } extra
                && extra.TryGetValue("membersRemoved", out var removed) && removed.ValueKind == JsonValueKind.Array
                && removed.EnumerateArray().Any(m => IsBot(activity, GetString(m, "id"))),
            ActivityTypes.InstallationUpdate => string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>
    /// A message answering <paramref name="incoming"/>: from the bot to the sender, in the same conversation and
    /// thread, ready for <see cref="BotConnectorClient.ReplyAsync"/>.
    /// </summary>
    public static Activity CreateReply(Activity incoming, string? text, IReadOnlyList<Attachment>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = incoming.ServiceUrl,
            ChannelId = incoming.ChannelId,
            From = incoming.Recipient,
            Recipient = incoming.From,
            Conversation = incoming.Conversation,
            ReplyToId = incoming.Id,
            Text = text,
            Attachments = attachments,
        };
    }

    private static IEnumerable<Mention> ReadMentions(Activity activity) =>
        (activity.Entities ?? [])
            .Where(IsMention)
            .Select(e => (Id: MentionedId(e), Name: MentionedName(e), Text: GetString(e, "text") ?? ""))
            .Where(m => m.Id is not null)
            .Select(m => new Mention(m.Id!, m.Name, m.Text));

    private static bool IsMention(JsonElement entity) =>
        entity.ValueKind == JsonValueKind.Object && GetString(entity, "type") == "mention";

    private static string? MentionedId(JsonElement entity) =>
        entity.TryGetProperty("mentioned", out var mentioned) ? GetString(mentioned, "id") : null;

    private static string? MentionedName(JsonElement entity) =>
        entity.TryGetProperty("mentioned", out var mentioned) ? GetString(mentioned, "name") : null;

    // The bot's id is 28:<appId>; a mention may carry either form.
    private static bool IsBot(Activity activity, string? id)
    {
        if (string.IsNullOrEmpty(id) || activity.Recipient?.Id is not { Length: > 0 } botId)
        {
            return false;
        }

        return string.Equals(StripBotPrefix(id), StripBotPrefix(botId), StringComparison.OrdinalIgnoreCase);
    }

    private static string StripBotPrefix(string id) => id.StartsWith("28:", StringComparison.Ordinal) ? id[3..] : id;

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

    private static string? Nonempty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("[ \\t]{2,}")]
    private static partial Regex RunOfSpaces();
}
