namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Who holds a recurring job: a plan paused as a plan (its state), or an operator (a row of <c>job_pauses</c>). The plan
/// sync resumes only what a plan's state held, so an operator's pause holds until an operator resumes it.
/// </summary>
public static class PauseRequesters
{
    public const string Plan = "plan";
    public const string Operator = "operator";
}
