namespace FeedbackBot.Core.Scorecards;

/// <summary>One agent's evaluations in a QA report. Named figures like these are for the agent, their evaluators and managers only.</summary>
/// <param name="Agent">Who.</param>
/// <param name="Evaluations">How many evaluations of their interactions.</param>
/// <param name="AverageScore">The mean of their scored evaluations; null when none has a score.</param>
public sealed record AgentScore(string Agent, int Evaluations, double? AverageScore);
