namespace FeedbackBot.Core.Scorecards;

/// <summary>How one agent fared in a QA sample: what there was to pick from, and what was picked.</summary>
/// <param name="Agent">Who.</param>
/// <param name="Interactions">Their interactions in the period, evaluated or not.</param>
/// <param name="AlreadyEvaluated">Those left out because an evaluation of the plan already names them.</param>
/// <param name="Picked">How many were picked.</param>
/// <param name="Shortfall">
/// True when fewer than the number asked for were left to pick from, so the agent got every one of them.
/// </param>
/// <param name="Channels">Each channel the agent has interactions on, in the order of <see cref="InteractionChannel"/>.</param>
public sealed record AgentSample(
    string Agent, int Interactions, int AlreadyEvaluated, int Picked, bool Shortfall, IReadOnlyList<ChannelSample> Channels);
