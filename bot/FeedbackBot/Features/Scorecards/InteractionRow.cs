namespace FeedbackBot.Features.Scorecards;

/// <summary>One good row of an interactions file.</summary>
internal sealed record InteractionRow(string Key, string Agent, string Channel, DateTime StartedAt, double? DurationSeconds, string? Queue);
