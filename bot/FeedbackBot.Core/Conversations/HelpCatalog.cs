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
        }

        if (role == PersonRole.Admin)
        {
            commands.Add(new("role @person manager|staff", "Make someone a manager, or a member of staff again."));
        }

        return new HelpReply(role, commands);
    }
}
