using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Conversations;

/// <summary>What a person asked the bot for in a message.</summary>
public abstract record BotCommand
{
    /// <summary><c>help</c>: what the bot can do for them.</summary>
    public sealed record Help : BotCommand;

    /// <summary><c>latest review [plan]</c>.</summary>
    /// <param name="Plan">The plan's id, or null for the person's only or most recent one.</param>
    public sealed record LatestReview(string? Plan) : BotCommand;

    /// <summary><c>start pulse &lt;plan&gt;</c> (managers).</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record StartPulse(string Plan) : BotCommand;

    /// <summary><c>log feedback &lt;text&gt;</c>: customer feedback a member of staff heard.</summary>
    /// <param name="Text">What the customer said.</param>
    public sealed record LogFeedback(string Text) : BotCommand;

    /// <summary><c>role @person manager|staff</c> (admins).</summary>
    /// <param name="Person">The person as written (a mention or an id).</param>
    /// <param name="Role">The role to give.</param>
    public sealed record SetRole(string Person, PersonRole Role) : BotCommand;

    /// <summary><c>plans</c> (managers): the plans with their state and next run.</summary>
    public sealed record ListPlans : BotCommand;

    /// <summary><c>status &lt;plan&gt;</c> (managers): the open cycle's invitations and answers.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record PlanStatus(string Plan) : BotCommand;

    /// <summary><c>pause &lt;plan&gt;</c> (managers): no new cycles until resumed.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record PausePlan(string Plan) : BotCommand;

    /// <summary><c>resume &lt;plan&gt;</c> (managers): cycles open on schedule again.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record ResumePlan(string Plan) : BotCommand;

    /// <summary><c>run &lt;plan&gt; now</c> (managers): open a cycle now, outside the schedule.</summary>
    /// <param name="Plan">The plan's id.</param>
    public sealed record RunPlanNow(string Plan) : BotCommand;

    /// <summary>Something the bot does not understand, or a known command used wrongly.</summary>
    /// <param name="Text">What was written.</param>
    /// <param name="Hint">How to write it, when the command was recognised but its arguments were not.</param>
    public sealed record Unknown(string Text, string? Hint) : BotCommand;
}
