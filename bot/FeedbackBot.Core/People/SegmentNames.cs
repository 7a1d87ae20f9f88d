using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.People;

/// <summary>
/// The names of a person's segment attributes (team, region, shift, ...): the same identifiers a plan's
/// <c>sample.by</c> names, so that a roster column and the plan that stratifies by it spell the attribute alike.
/// </summary>
public static class SegmentNames
{
    /// <summary>The attribute every roster may give, and the one stratified staff plans usually use.</summary>
    public const string Team = "team";

    /// <summary>The job title a platform profile gives (Slack's <c>title</c>).</summary>
    public const string Title = "title";

    /// <summary>The longest value kept for one attribute (the database's column size).</summary>
    public const int MaxValueLength = 200;

    /// <summary>The rule a name follows, for error messages.</summary>
    public const string Rule = Slugs.Rule;

    /// <summary>Whether <paramref name="name"/> is a segment name: lower-case letters, digits, '-' and '_', at most 64 characters.</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Slugs.IsValid(name);
    }

    /// <summary>
    /// The name a column header stands for: trimmed and in lower case, since column names are matched ignoring case
    /// (<c>Region</c> is the attribute <c>region</c>). Null when even that is not a valid name.
    /// </summary>
    public static string? FromHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var name = header.Trim().ToLowerInvariant();
        return IsValid(name) ? name : null;
    }

    /// <summary>A suggestion for a header that is not a valid name: <c>Shift Pattern</c> → <c>shift_pattern</c>; null when there is none.</summary>
    public static string? Suggest(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var chars = header.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        var suggestion = new string(chars).Trim('_');
        while (suggestion.Contains("__", StringComparison.Ordinal))
        {
            suggestion = suggestion.Replace("__", "_", StringComparison.Ordinal);
        }

        return IsValid(suggestion) ? suggestion : null;
    }
}
