using System.Text;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// Adaptive Card text blocks render a subset of markdown, so text the bot did not write itself (comments,
/// feedback, plan wording) is escaped before it goes on a card: a customer's "[click](http://evil)" must read as
/// written, not become a link.
/// </summary>
public static class CardMarkdown
{
    /// <summary>The text with every markdown character that could change how it renders escaped by a backslash.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '[' or ']' or '*' or '_' or '`')
            {
                escaped.Append('\\').Append(c);
            }
            else if (atLineStart && BlockMarkerLength(text, i) is > 0 and var length)
            {
                // Headings, bullets, quotes and numbered items only start a line; escaping their last character is
                // enough, and leaves "4.2" or "#1" untouched for renderers that show a needless backslash.
                escaped.Append(text, i, length - 1).Append('\\').Append(text[i + length - 1]);
                i += length - 1;
                c = text[i];
            }
            else
            {
                escaped.Append(c);
            }

            atLineStart = c is '\n' or '\r' || (atLineStart && c is ' ' or '\t');
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The length of the block marker starting at <paramref name="start"/> ("#", "##", "+", "1.", "12)"), or 0 when
    /// there is none: such a marker is followed by a space or ends the text. A quote ("&gt;"), a dash (a bullet, or a
    /// rule that turns the line above into a heading) and "=" (the same) count at any line start.
    /// </summary>
    private static int BlockMarkerLength(string text, int start)
    {
        var c = text[start];
        if (c is '>' or '-' or '=')
        {
            return 1;
        }

        var end = start;
        if (c == '#')
        {
            while (end < text.Length && text[end] == '#')
            {
                end++;
            }
        }
        else if (c == '+')
        {
            end++;
        }
        else if (char.IsAsciiDigit(c))
        {
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end == text.Length || text[end] is not ('.' or ')'))
            {
                return 0;
            }

            end++;
        }
        else
        {
            return 0;
        }

        return end == text.Length || char.IsWhiteSpace(text[end]) ? end - start : 0;
    }

    /// <summary>The text cut to at most <paramref name="maxLength"/> characters, ending in an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
