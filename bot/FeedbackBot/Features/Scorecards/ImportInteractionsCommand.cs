using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Scorecards;

/// <summary><c>feedbackbot import interactions FILE.csv [--tenant T] [--skip-bad]</c>: the log QA samples interactions from.</summary>
internal static class ImportInteractionsCommand
{
    public static Command Create(CliContext context)
    {
        var file = ImportOptions.File(
            "CSV file: interaction_id, agent, channel (phone, email, chat, face_to_face, social or other), started_at, " +
            "optional duration_seconds and queue.");
        var skipBad = ImportOptions.SkipBad();
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "interactions",
            "Import or update a helpdesk's or phone system's log of interactions, for QA sampling and coverage (see docs/imports.md).")
        { file, skipBad, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var path = ImportOptions.RequireFile(parseResult.GetRequiredValue(file));
            return await ImportCommand.RunAsync(parseResult, context, (db, now) => InteractionImport.RunAsync(
                context, db, selector, path, parseResult.GetValue(skipBad), now, cancellationToken),
                cancellationToken);
        });
        return command;
    }
}
