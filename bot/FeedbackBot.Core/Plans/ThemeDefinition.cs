namespace FeedbackBot.Core.Plans;

/// <summary>A theme a plan adds to the default taxonomy for coding comments.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Label">The name shown in reviews.</param>
/// <param name="Feature">The service feature the theme bears on, if any.</param>
/// <param name="Keywords">Words and phrases whose presence in a comment codes it with this theme.</param>
public sealed record ThemeDefinition(string Id, string Label, string? Feature, IReadOnlyList<string> Keywords);
