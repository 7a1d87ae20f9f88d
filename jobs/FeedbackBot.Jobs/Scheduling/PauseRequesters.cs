namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Who paused a trigger, recorded with the pause in Quartz's store. The plan sync only resumes what a plan's state
/// paused, so an operator's pause of a plan's trigger holds until an operator resumes it.
/// </summary>
public static class PauseRequesters
{
    public const string Plan = "plan";
    public const string Operator = "operator";
}
