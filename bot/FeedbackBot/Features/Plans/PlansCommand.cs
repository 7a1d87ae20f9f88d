using System.CommandLine;
using FeedbackBot.CommandLine;

namespace FeedbackBot.Features.Plans;

/// <summary><c>feedbackbot plans</c>: measurement plans kept as YAML files and applied to the database.</summary>
internal static class PlansCommand
{
    public static Command Create(CliContext context) =>
        new("plans", "Apply, list and show measurement plans (see docs/plans.md for the file format).")
        {
            ApplyPlansCommand.Create(context),
            ListPlansCommand.Create(context),
            ShowPlanCommand.Create(context),
        };
}
