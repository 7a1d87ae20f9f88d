namespace FeedbackBot.Core.People;

/// <summary>
/// Where a person's roster entry comes from, as stored in <c>Person.RosterSource</c>. A later roster from the same
/// source that no longer lists someone marks them as left; a roster from another source never does.
/// </summary>
public static class RosterSource
{
    /// <summary>A CSV file imported with <c>feedbackbot import people</c>.</summary>
    public const string Csv = "csv";

    /// <summary>The members of the Teams teams the bot is installed in.</summary>
    public const string Teams = "teams";

    /// <summary>The members of the Slack workspace (<c>users.list</c>).</summary>
    public const string Slack = "slack";
}
