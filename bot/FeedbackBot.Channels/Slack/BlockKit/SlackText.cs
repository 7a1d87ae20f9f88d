using System.Text;
using System.Text.RegularExpressions;
using FeedbackBot.Channels.AdaptiveCards;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// Text for Slack's <c>mrkdwn</c>. Slack reads &amp;, &lt; and &gt; as control characters (links, mentions,
/// <c>&lt;!channel&gt;</c>), so every text the bot did not write as markup is escaped: a customer's
/// "&lt;!here&gt;" or "&lt;@U123&gt;" must read as written, not notify anyone.
/// </summary>
public static partial class SlackText
{
    /// <summary>The text with &amp;, &lt; and &gt; replaced by their HTML entities, as Slack requires.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Text written by the bot with a few <c>**bold**</c> words, as Slack mrkdwn: escaped, bold marked with single
    /// asterisks.
    /// </summary>
    public static string FromMarkdown(string text) => DoubleStars().Replace(Escape(text), "*$1*");

    /// <summary>
    /// The text escaped and, when the escaped form is longer than <paramref name="maxLength"/>, cut (with an ellipsis)
    /// so that it fits: the cut is made before escaping, so no entity is ever split.
    /// </summary>
    public static string EscapeWithin(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keep = maxLength;
        var escaped = Escape(CardMarkdown.Truncate(text, keep));
        while (escaped.Length > maxLength && keep > 2)
        {
            keep = Math.Max(2, keep - (escaped.Length - maxLength));
            escaped = Escape(CardMarkdown.Truncate(text, keep));
        }

        return escaped;
    }

    /// <summary>
    /// Already escaped text in pieces of at most <paramref name="maxLength"/> characters, cut at a line break or a
    /// space where there is one, never inside an entity or a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> Split(string escaped, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 8);
        var pieces = new List<string>();
        var rest = escaped.AsSpan();
        while (rest.Length > maxLength)
        {
            var cut = rest[..maxLength].LastIndexOf('\n');
            if (cut < maxLength / 2)
            {
                cut = rest[..maxLength].LastIndexOf(' ');
            }

            if (cut < maxLength / 2)
            {
                cut = maxLength;
                var ampersand = rest[(cut - 5)..cut].LastIndexOf('&');
                if (ampersand >= 0 && rest[(cut - 5 + ampersand)..cut].IndexOf(';') < 0)
                {
                    cut = cut - 5 + ampersand;
                }
                else if (char.IsHighSurrogate(rest[cut - 1]))
                {
                    cut--;
                }
            }

            pieces.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.Singleline)]
    private static partial Regex DoubleStars();
}
