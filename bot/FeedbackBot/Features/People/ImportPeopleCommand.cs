using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.People;

/// <summary><c>feedbackbot import people FILE.csv [--tenant T] [--skip-bad]</c>: a roster of the tenant's staff.</summary>
internal static class ImportPeopleCommand
{
    public static Command Create(CliContext context)
    {
        var file = ImportOptions.File(
            "CSV file: person (e-mail address or Teams/Slack user id), optional name, team and role (staff or manager), " +
            "and any other column as a segment attribute (region, shift, site, ...).");
        var skipBad = ImportOptions.SkipBad();
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "people",
            "Import the roster of the tenant's staff: who they are, their team and other segments, and their role. " +
            "People of an earlier roster that this one no longer lists are marked as left (see docs/people.md).")
        { file, skipBad, tenant };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var path = ImportOptions.RequireFile(parseResult.GetRequiredValue(file));
            return await ImportCommand.RunAsync(parseResult, context, (db, now) => RosterImport.RunAsync(
                context, db, selector, path, parseResult.GetValue(skipBad), now, cancellationToken),
                cancellationToken);
        });
        return command;
    }
}
