namespace FeedbackBot.Core.Analysis.Text;

/// <summary>One theme a comment speaks of, and how it speaks of it.</summary>
/// <param name="ThemeId">The theme's id.</param>
/// <param name="Polarity">The polarity of the part of the comment where the theme is mentioned.</param>
public sealed record ThemeMention(string ThemeId, Polarity Polarity);
