namespace FeedbackBot.Core.Scorecards;

/// <summary>The outcome of <see cref="QaSample.Draw"/>: the interactions to evaluate, how each agent fared, and the seed to repeat it.</summary>
/// <param name="Picks">The interactions picked, by agent (ordinal), then start, then id.</param>
/// <param name="Agents">Every agent with interactions in the log given, by name (ordinal).</param>
/// <param name="PerAgent">How many interactions were asked for per agent.</param>
/// <param name="Seed">The seed of the draw: the same log, exclusions, number and seed pick the same interactions.</param>
public sealed record QaSampleDraw(IReadOnlyList<SampledInteraction> Picks, IReadOnlyList<AgentSample> Agents, int PerAgent, int Seed);
