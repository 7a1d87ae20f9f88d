using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>How often one theme was mentioned, and how.</summary>
/// <param name="Count">Comments mentioning it.</param>
/// <param name="Negative">Mentions with negative polarity.</param>
/// <param name="Neutral">Mentions with neutral polarity.</param>
/// <param name="Positive">Mentions with positive polarity.</param>
/// <param name="BySource">Mentions per comment source (survey, complaint, feedback), in ordinal order of source.</param>
/// <param name="ByAudience">Mentions per audience.</param>
/// <param name="Quotes">
/// Representative comments, personal data masked: clearly polar in the theme's dominant direction, of readable
/// length, chosen the same whatever order the comments came in.
/// </param>
public sealed record ThemeCount(
    int Count,
    int Negative,
    int Neutral,
    int Positive,
    IReadOnlyDictionary<string, int> BySource,
    IReadOnlyDictionary<Audience, int> ByAudience,
    IReadOnlyList<string> Quotes);
