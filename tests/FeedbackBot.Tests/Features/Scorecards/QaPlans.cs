using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>A small plan with one scorecard, applied through the command line as an operator would.</summary>
internal static class QaPlans
{
    /// <summary>
    /// Plan <c>p</c> with scorecard <c>phone-call</c>: <c>greeting</c> (yesno, may be not applicable) and <c>pace</c>
    /// (rating5), weight 1 each, pass mark 80. A score is 100 × (greeting + (pace − 1) / 4) / applicable criteria.
    /// </summary>
    public const string OneScorecard = PlanFiles.Minimal + "\n" + """
        scorecards:
          - id: phone-call
            name: Phone call
            channels: [phone]
            pass_mark: 80
            criteria:
              - id: greeting
                text: Greeted the customer and gave their own name
                feature: care
                scale: yesno
                allow_na: true
              - id: pace
                text: Kept the call moving
                feature: speed
                scale: rating5
        """;

    public static async Task ApplyAsync(TestDatabase database, TempFolder folder, string plan = OneScorecard)
    {
        var applied = await CliRun.RunAsync(database, "plans", "apply", folder.Write("plan.yaml", plan));
        Assert.True(applied.ExitCode == 0, applied.Error);
    }
}
