using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Scorecards;

/// <summary><c>feedbackbot import evaluations FILE.csv --plan ID [--tenant T] [--skip-bad]</c>: QA evaluations scored on the plan's scorecards.</summary>
internal static class ImportEvaluationsCommand
{
    public static Command Create(CliContext context)
    {
        var file = ImportOptions.File(
            "CSV file: evaluation_id, interaction_id, agent, evaluator, scorecard, channel, evaluated_at, optional interaction_at, " +
            "a column per criterion id (yes, no, na, 1-5, or empty for not applicable), went_well, to_improve.");
        var plan = ImportOptions.Plan();
        var skipBad = ImportOptions.SkipBad();
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "evaluations",
            "Import or update QA evaluations of interactions, scored on the plan's scorecards (see docs/imports.md).")
        { file, plan, skipBad, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var path = ImportOptions.RequireFile(parseResult.GetRequiredValue(file));
            return await ImportCommand.RunAsync(parseResult, context, (db, now) => EvaluationImport.RunAsync(
                context, db, selector, parseResult.GetRequiredValue(plan), path, parseResult.GetValue(skipBad), now, cancellationToken),
                cancellationToken);
        });
        return command;
    }
}
