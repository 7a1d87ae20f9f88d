namespace FeedbackBot.Core.Analysis.Text;

/// <summary>What one theme's mention in a comment amounts to.</summary>
/// <param name="ThemeIndex">The theme's index in the taxonomy.</param>
/// <param name="Polarity">Its polarity.</param>
/// <param name="Strength">How clearly polar it is: the size of the score it was judged by.</param>
internal readonly record struct ThemeReading(int ThemeIndex, Polarity Polarity, double Strength);

/// <summary>A comment, read: its overall score and the themes it mentions, in taxonomy order.</summary>
internal sealed record CommentReading(double Score, IReadOnlyList<ThemeReading> Themes);
