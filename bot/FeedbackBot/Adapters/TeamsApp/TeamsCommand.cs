using System.CommandLine;
using FeedbackBot.CommandLine;

namespace FeedbackBot.Adapters.TeamsApp;

/// <summary><c>feedbackbot teams</c>: what a deployer needs to bring the bot into Microsoft Teams.</summary>
internal static class TeamsCommand
{
    public static Command Create(CliContext context) =>
        new("teams", "Microsoft Teams: build the app package to upload (see docs/teams-app.md).")
        {
            TeamsPackageCommand.Create(context),
        };
}
