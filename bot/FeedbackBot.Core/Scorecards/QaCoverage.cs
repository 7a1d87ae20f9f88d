namespace FeedbackBot.Core.Scorecards;

/// <summary>How many of an agent's interactions on one channel were evaluated in the current window, against the plan's target.</summary>
/// <param name="Agent">Who.</param>
/// <param name="Channel">The interaction channel.</param>
/// <param name="Evaluations">Evaluations in the window of <see cref="QaTarget.Every"/> ending at the report's "now".</param>
/// <param name="Target">The plan's <see cref="QaTarget.PerAgent"/>.</param>
/// <param name="Met">Whether <paramref name="Evaluations"/> reaches <paramref name="Target"/>.</param>
public sealed record QaCoverage(string Agent, InteractionChannel Channel, int Evaluations, int Target, bool Met);
