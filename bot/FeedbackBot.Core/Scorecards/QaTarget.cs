namespace FeedbackBot.Core.Scorecards;

/// <summary>How many interactions of each agent should be evaluated, per channel, in every window of a given length.</summary>
/// <param name="PerAgent">Evaluations wanted for each agent on each channel in a window.</param>
/// <param name="Every">The length of the window, in whole days.</param>
public sealed record QaTarget(int PerAgent, TimeSpan Every);
