namespace FeedbackBot.Core.Analysis.Text;

/// <summary>A theme comments are coded with.</summary>
/// <param name="Id">Stable identifier, used in reports and to compare cycles.</param>
/// <param name="Label">The name shown in reviews.</param>
/// <param name="Feature">The service feature the theme bears on, if any.</param>
/// <param name="Keywords">
/// Words and phrases that code a comment with the theme. Matching ignores case and finds the usual inflections
/// (wait, waits, waited, waiting), so each keyword is best written in its plain form.
/// </param>
public sealed record Theme(string Id, string Label, string? Feature, IReadOnlyList<string> Keywords)
{
    /// <summary>
    /// Words that code the theme only where the part of the comment around them carries a judgement and names no
    /// other theme: a channel's name says how a customer got in touch, not that getting in touch was hard.
    /// </summary>
    public IReadOnlyList<string> Qualified { get; init; } = [];
}
