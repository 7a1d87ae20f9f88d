namespace FeedbackBot.Core.Scorecards;

/// <summary>How one agent's interactions on one channel fared in a QA sample.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Available">The agent's interactions on it that were not evaluated yet.</param>
/// <param name="Picked">How many of them were picked; never more than <paramref name="Available"/>.</param>
public sealed record ChannelSample(InteractionChannel Channel, int Available, int Picked);
