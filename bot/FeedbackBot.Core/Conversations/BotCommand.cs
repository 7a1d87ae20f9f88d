using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Conversations;

/// <summary>What a person asked the bot for in a message.</summary>
public abstract record BotCommand
{
    /// <summary><c>help</c>: what the bot can do for them.</summary>
    public sealed record Help : BotCommand;

    /// <summary><c>latest review [PLAN]</c>.</summary>
    /// <param name="Plan">The plan's id, or null for the person's only or most recent one.</param>
    public sealed record LatestReview(string? Plan) : BotCommand;

    /// <summary><c>start pulse PLAN</c> (managers).</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record StartPulse(string Plan) : BotCommand;

    /// <summary><c>log feedback TEXT</c>: customer feedback a member of staff heard.</summary>
    /// <param name="Text">What the customer said.</param>
    public sealed record LogFeedback(string Text) : BotCommand;

    /// <summary><c>role @person manager|staff</c> (admins).</summary>
    /// <param name="Person">The person as written (a mention or an id).</param>
    /// <param name="Role">The role to give.</param>
    public sealed record SetRole(string Person, PersonRole Role) : BotCommand;

    /// <summary><c>plans</c> (managers): the plans with their state and next run.</summary>
    public sealed record ListPlans : BotCommand;

    /// <summary><c>status PLAN</c> (managers): the open cycle's invitations and answers.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record PlanStatus(string Plan) : BotCommand;

    /// <summary><c>pause PLAN</c> (managers): no new cycles until resumed.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record PausePlan(string Plan) : BotCommand;

    /// <summary><c>resume PLAN</c> (managers): cycles open on schedule again.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record ResumePlan(string Plan) : BotCommand;

    /// <summary><c>run PLAN now</c> (managers): open a cycle now, outside the schedule.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record RunPlanNow(string Plan) : BotCommand;

    /// <summary><c>my pulses</c> (or <c>pending</c>): the open pulses the person has not answered, as their cards.</summary>
    public sealed record MyPulses : BotCommand;

    /// <summary><c>qa score @agent [SCORECARD] [PLAN]</c> (managers): score one of the agent's interactions on a QA scorecard.</summary>
    /// <param name="Agent">The agent as written (a mention or an id).</param>
    /// <param name="Scorecard">The scorecard's id; null when the tenant's plans have only one.</param>
    /// <param name="Plan">The plan whose scorecard it is; null when the scorecard's id names one plan's only.</param>
    public sealed record ScoreInteraction(string Agent, string? Scorecard, string? Plan) : BotCommand;

    /// <summary><c>my evaluations</c> (or <c>qa mine</c>): the person's own latest QA evaluations.</summary>
    public sealed record MyEvaluations : BotCommand;

    /// <summary><c>actions</c>: the open improvement actions the person owns or adopted, each with a button to update it.</summary>
    public sealed record MyActions : BotCommand;

    /// <summary><c>qa show @person</c>: someone's latest evaluations, for their evaluators and their team's managers.</summary>
    /// <param name="Person">The person as written (a mention or an id).</param>
    public sealed record ShowEvaluations(string Person) : BotCommand;

    /// <summary>Something the bot does not understand, or a known command used wrongly.</summary>
    /// <param name="Text">What was written.</param>
    /// <param name="Hint">How to write it (arguments in capitals), when the command was recognised but its arguments were not.</param>
    /// <param name="Example">The command written out with an example value, when <paramref name="Hint"/> takes arguments.</param>
    /// <param name="Suggestions">Commands close to what was written (a typing slip), nearest first; empty when none is close.</param>
    public sealed record Unknown(string Text, string? Hint, string? Example = null, IReadOnlyList<string>? Suggestions = null) : BotCommand
    {
        /// <inheritdoc/>
        public bool Equals(Unknown? other) =>
            other is not null && Text == other.Text && Hint == other.Hint && Example == other.Example
            && (Suggestions ?? []).SequenceEqual(other.Suggestions ?? [], StringComparer.Ordinal);

        /// <inheritdoc/>
        public override int GetHashCode() => HashCode.Combine(Text, Hint, Example);
    }
}
