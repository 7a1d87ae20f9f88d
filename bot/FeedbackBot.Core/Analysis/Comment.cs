using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis;

/// <summary>A free-text answer from a usable response, or a complaint or logged feedback, for theme analysis.</summary>
/// <param name="Text">The comment as written.</param>
/// <param name="Source">survey, complaint or feedback.</param>
/// <param name="Audience">Who wrote it.</param>
/// <param name="Segment">Their segment, if known.</param>
public sealed record Comment(string Text, string Source, Audience Audience, string? Segment);
