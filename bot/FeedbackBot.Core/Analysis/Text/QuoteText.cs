using System.Text;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>Turns a comment into a quote: personal data masked, on one line, and short enough to read.</summary>
internal static class QuoteText
{
    public const int MaxLength = 280;
    private const string Ellipsis = "\u2026";

    public static string Of(string comment)
    {
        var text = CollapseWhitespace(PersonalDataMasker.Mask(comment));
        if (text.Length <= MaxLength)
        {
            return text;
        }

        // Cut at the last space that leaves room for the ellipsis, so no word is broken.
        var room = MaxLength - Ellipsis.Length;
        var cut = text.LastIndexOf(' ', room);
        var kept = text.AsSpan(0, cut > 0 ? cut : room).TrimEnd(" ,;:-\u2013\u2014");
        return string.Concat(kept, Ellipsis);
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
