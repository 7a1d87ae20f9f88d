using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>HTML encoding for every text that reaches the page, and the few pieces of markup used all over it.</summary>
internal static class HtmlMarkup
{
    // Every script keeps its letters readable in the source; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    public static StringBuilder Text(this StringBuilder html, string? text) => html.Append(Encode(text));

    /// <summary>An element holding encoded text, with an optional class.</summary>
    public static StringBuilder Element(this StringBuilder html, string tag, string? text, string? cssClass = null)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(Encode(cssClass)).Append('"');
        }

        return html.Append('>').Text(text).Append("</").Append(tag).Append('>');
    }

    /// <summary>A status badge: a colour, an icon for those who cannot tell the colours apart, and the word.</summary>
    public static StringBuilder StatusBadge(this StringBuilder html, string status)
    {
        var (modifier, icon) = status switch
        {
            KpiStatus.Met => ("met", "✓"),
            KpiStatus.AtRisk => ("at-risk", "!"),
            KpiStatus.Missed => ("missed", "✕"),
            _ => ("none", "–"),
        };
        return html.Append("<span class=\"badge badge-").Append(modifier).Append("\"><span aria-hidden=\"true\">").Append(icon)
            .Append("</span> ").Text(ReviewText.Status(status)).Append("</span>");
    }

    /// <summary>Quotes from comments, each in a blockquote.</summary>
    public static StringBuilder Quotes(this StringBuilder html, IReadOnlyList<string> quotes)
    {
        foreach (var quote in quotes)
        {
            html.Append("<blockquote class=\"quote\"><p>").Text(quote).Append("</p></blockquote>");
        }

        return html;
    }
}
