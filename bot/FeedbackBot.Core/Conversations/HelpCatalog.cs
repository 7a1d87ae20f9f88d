using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Conversations;

/// <summary>The commands each role may use, as help shows them.</summary>
public static class HelpCatalog
{
    /// <summary>The plan the examples name when the tenant has none yet: the example staff plan.</summary>
    public const string DefaultExamplePlan = "staff-pulse";

    /// <summary>The help for a role: everyone's commands, then those of managers and admins.</summary>
    /// <param name="role">The person's role.</param>
    /// <param name="examplePlan">A plan of the tenant to write the examples with, or null for the example staff plan.</param>
    public static HelpReply For(PersonRole role, string? examplePlan = null)
    {
        var plan = string.IsNullOrWhiteSpace(examplePlan) ? DefaultExamplePlan : examplePlan;
        var commands = new List<HelpCommand>
        {
            new("help", "What I can do for you."),
            new("my pulses", "The open pulses you have not answered yet, here, whichever conversation they were sent to."),
            new("latest review [PLAN]", "The latest review of a plan: KPIs against targets, strengths, shortfalls and recommendations, with a link to the full report.", $"latest review {plan}"),
            new("log feedback TEXT", "Record feedback a customer gave you; it becomes evidence in the next review.", "log feedback The new opening hours suit me much better"),
            new("my evaluations", "Your latest QA evaluations, privately: acknowledge or discuss each, add your reflection and agree an action."),
        };
        if (role is PersonRole.Manager or PersonRole.Admin)
        {
            commands.Add(new("start pulse PLAN", "Send the plan's survey now to everyone here who can be reached; it reminds, closes and is reviewed on its own.", $"start pulse {plan}"));
            commands.Add(new("plans", "The plans, whether each is active or paused, and when its next cycle opens."));
            commands.Add(new("status PLAN", "How the open cycle is going: invited, answered, response rate by group.", $"status {plan}"));
            commands.Add(new("pause PLAN", "Stop opening new cycles of a plan.", $"pause {plan}"));
            commands.Add(new("resume PLAN", "Open a paused plan's cycles on schedule again.", $"resume {plan}"));
            commands.Add(new("qa score @person [SCORECARD]", "Score one of their interactions on a plan's QA scorecard; they get it privately and can answer.", "qa score @Sam phone-call"));
            commands.Add(new("qa show @person", "The latest evaluations of someone you evaluated or whose team you manage; each read is recorded.", "qa show @Sam"));
            commands.Add(new("actions", "The improvement actions you own or adopted that are still open, with a button to update each; adopt one from a review's recommendations."));
            commands.Add(new("run PLAN now", "Open a cycle of the plan now: draw the sample, invite, remind, close and review on its schedule.", $"run {plan} now"));
        }

        if (role == PersonRole.Admin)
        {
            commands.Add(new("role @person manager|staff", "Make someone a manager, or a member of staff again.", "role @Morgan manager"));
        }

        return new HelpReply(role, commands);
    }

    /// <summary>How to write a command, as a usage hint says it: the form, then an example when there is one.</summary>
    public static string Hint(string usage, string? example) =>
        example is null ? usage : $"{usage}, for example: {example}";
}
