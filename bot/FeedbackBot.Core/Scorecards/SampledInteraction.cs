namespace FeedbackBot.Core.Scorecards;

/// <summary>One interaction from the helpdesk's or phone system's log that QA sampling may pick for evaluation.</summary>
/// <param name="InteractionId">The interaction's id in its source; unique within the log.</param>
/// <param name="Agent">Who handled it, as the log names them; agents are told apart by this name, case and all.</param>
/// <param name="Channel">How the customer was in touch.</param>
/// <param name="StartedAt">When it started, UTC.</param>
/// <param name="Queue">The queue, skill or line it came in on, if the log says.</param>
public sealed record SampledInteraction(string InteractionId, string Agent, InteractionChannel Channel, DateTime StartedAt, string? Queue);
