namespace FeedbackBot.Jobs.Tests.Scheduling;

/// <summary>
/// A test that runs for minutes: skipped unless <c>FEEDBACKBOT_SOAK=1</c>, so the ordinary suite stays quick. Mark it
/// <c>[Trait("Category", "Soak")]</c> too, so it can be picked out with <c>--filter Category=Soak</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SoakFactAttribute : FactAttribute
{
    public const string Variable = "FEEDBACKBOT_SOAK";

    public SoakFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A soak test: set {Variable}=1 to run it.";
        }
    }
}
