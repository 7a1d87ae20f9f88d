using System.Text.RegularExpressions;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Adapters.Slack;

/// <summary>Slack's mentions in message text: <c>&lt;@U123&gt;</c>, or <c>&lt;@U123|name&gt;</c> in an escaped slash command.</summary>
internal static partial class SlackMentions
{
    /// <summary>The people mentioned, each with the text that stands for them.</summary>
    public static IReadOnlyList<BotMention> Read(string? text) =>
        text is null
            ? []
            : [.. Mention().Matches(text).Select(m => new BotMention(
                new BotUser(m.Groups["id"].Value, m.Groups["name"].Success && m.Groups["name"].Length > 0 ? m.Groups["name"].Value : m.Groups["id"].Value),
                m.Value))];

    /// <summary>
    /// The text without the bot's own mention: by its user id when known, else the mention an <c>app_mention</c>
    /// starts with, which is how people address the bot in a channel.
    /// </summary>
    public static string WithoutBot(string? text, string? botUserId, bool mentionedFirst)
    {
        var result = text ?? string.Empty;
        if (!string.IsNullOrEmpty(botUserId))
        {
            result = Mention().Replace(result, m => m.Groups["id"].Value == botUserId ? " " : m.Value);
        }
        else if (mentionedFirst && Mention().Match(result.TrimStart()) is { Success: true, Index: 0 } first)
        {
            result = result.TrimStart()[first.Length..];
        }

        return Spaces().Replace(result, " ").Trim();
    }

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(?:\|(?<name>[^>]*))?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
