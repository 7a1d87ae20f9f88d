namespace FeedbackBot.Core.Analysis.Text;

/// <summary>What a set of comments adds up to, theme by theme: the input of a theme report.</summary>
/// <param name="TotalComments">Comments read.</param>
/// <param name="Uncoded">Comments that mentioned no theme.</param>
/// <param name="Themes">Every theme of the taxonomy by id, including those no comment mentioned.</param>
public sealed record ThemeCounts(int TotalComments, int Uncoded, IReadOnlyDictionary<string, ThemeCount> Themes)
{
    /// <summary>Comments that mentioned at least one theme.</summary>
    public int Coded => TotalComments - Uncoded;
}
