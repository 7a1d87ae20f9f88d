using System.Text.RegularExpressions;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>Just enough HTML reading for the report's tests: tags in order, with script and style contents set aside.</summary>
internal static partial class HtmlStructure
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "meta", "link", "br", "hr", "img", "input", "wbr", "col", "source" };

    /// <summary>The elements that are opened but not closed, or closed out of order; empty when the tags nest.</summary>
    public static List<string> NestingErrors(string html)
    {
        var errors = new List<string>();
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(RawTextRemoved(html)))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (VoidElements.Contains(name) || tag.Value.StartsWith("<!", StringComparison.Ordinal))
            {
                continue;
            }

            if (tag.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Peek() != name)
                {
                    errors.Add($"</{name}> closes {(open.Count == 0 ? "nothing" : "<" + open.Peek() + ">")} at {tag.Index}");
                    return errors;
                }

                open.Pop();
            }
            else
            {
                open.Push(name);
            }
        }

        errors.AddRange(open.Select(name => $"<{name}> never closed"));
        return errors;
    }

    /// <summary>The contents of every script element, in order.</summary>
    public static List<string> Scripts(string html) => [.. ScriptElement().Matches(html).Select(m => m.Groups["body"].Value)];

    /// <summary>The contents of the style element.</summary>
    public static string Style(string html) => StyleElement().Match(html).Groups["body"].Value;

    /// <summary>Every start tag of an element, as written.</summary>
    public static List<string> StartTags(string html, string element) =>
        [.. Tag().Matches(RawTextRemoved(html)).Where(m => !m.Groups["close"].Success && m.Groups["name"].Value.Equals(element, StringComparison.OrdinalIgnoreCase)).Select(m => m.Value)];

    private static string RawTextRemoved(string html) => StyleElement().Replace(ScriptElement().Replace(html, "<script></script>"), "<style></style>");

    [GeneratedRegex("<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>|<!DOCTYPE[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("<style>(?<body>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
