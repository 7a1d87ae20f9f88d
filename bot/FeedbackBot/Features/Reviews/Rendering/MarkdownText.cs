using System.Text;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// Makes text from respondents and plans inert in Markdown: punctuation that would start emphasis, links, code,
/// HTML or a table cell is backslash-escaped, and line breaks are folded so a value stays in its line or cell.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '&' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
