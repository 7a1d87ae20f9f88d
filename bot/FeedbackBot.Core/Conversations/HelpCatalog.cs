using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Conversations;

/// <summary>The commands each role may use, as help shows them.</summary>
public static class HelpCatalog
{
    /// <summary>The help for a role: everyone's commands, then those of managers and admins.</summary>
    public static HelpReply For(PersonRole role)
    {
        var commands = new List<HelpCommand>
        {
            new("help", "What I can do for you."),
            new("latest review [plan]", "The latest review of a plan: KPIs against targets, strengths, shortfalls and recommendations, with a link to the full report."),
            new("log feedback <what the customer said>", "Record feedback a customer gave you; it becomes evidence in the next review."),
        };
        if (role is PersonRole.Manager or PersonRole.Admin)
        {
            commands.Add(new("start pulse <plan>", "Send the plan's survey now to the people it asks who can be reached."));
            commands.Add(new("plans", "The plans, whether each is running or paused, and when its next cycle opens."));
            commands.Add(new("status <plan>", "How the open cycle is going: invited, answered, response rate by group."));
            commands.Add(new("pause <plan>", "Stop opening new cycles of a plan."));
            commands.Add(new("resume <plan>", "Open a paused plan's cycles on schedule again."));
            commands.Add(new("run <plan> now", "Open a cycle of the plan now: draw the sample, invite, remind, close and review on its schedule."));
        }

        if (role == PersonRole.Admin)
        {
            commands.Add(new("role @person manager|staff", "Make someone a manager, or a member of staff again."));
        }

        return new HelpReply(role, commands);
    }
}
