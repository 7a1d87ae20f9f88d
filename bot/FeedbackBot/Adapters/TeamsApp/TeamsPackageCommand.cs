using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Infrastructure.Hosting;

namespace FeedbackBot.Adapters.TeamsApp;

/// <summary>
/// <c>feedbackbot teams package --app-id GUID [--bot-domain HOST] [--version X.Y.Z] [--out FILE]</c>: fills the
/// manifest template with the bot's App ID, checks it and its icons, and writes the zip Teams takes. Nothing is
/// written when anything is wrong; an existing file at --out is replaced.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string DefaultOutput = "feedbackbot-teams.zip";
    public const string AppIdSetting = "Teams:AppId";

    /// <summary>The build copies the repository's manifests/teams here, so the command works from dotnet run and from the dll.</summary>
    public static string DefaultManifestDirectory => Path.Combine(AppContext.BaseDirectory, "manifests", "teams");

    public static Command Create(CliContext context)
    {
        var appId = new Option<string?>("--app-id")
        {
            HelpName = "GUID",
            Description = $"The bot's Microsoft App ID (a GUID) from its Azure Bot registration. Default: the {AppIdSetting} setting.",
        };
        var botDomain = new Option<string?>("--bot-domain")
        {
            HelpName = "HOST",
            Description = "The host name the bot is reached on, such as feedback.contoso.com, listed in validDomains. Default: none.",
        };
        var version = new Option<string?>("--version")
        {
            HelpName = "X.Y.Z",
            Description = "The app's version, MAJOR.MINOR.PATCH; raise it for every upload that changes the package. Default: the manifest's.",
        };
        var output = new Option<string?>("--out")
        {
            HelpName = "FILE",
            Description = $"Where to write the zip; an existing file there is replaced. Default: {DefaultOutput} in the current folder.",
        };
        var source = new Option<string?>("--manifest-dir")
        {
            HelpName = "DIR",
            Description = "The folder holding manifest.json and its icons. Default: the copy of manifests/teams beside the executable.",
        };
        var command = new Command("package", "Build the Teams app package: manifest.json with the App ID filled in, and the two icons, in one zip.")
        {
            appId, botDomain, version, output, source,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var given = parseResult.GetValue(appId);
            var configuration = AppConfiguration.Build(ConfigurationArguments.From(parseResult), context);
            var settings = TeamsPackageSettings.Parse(
                given ?? configuration[AppIdSetting],
                given is null ? AppIdSetting : "--app-id",
                parseResult.GetValue(botDomain),
                parseResult.GetValue(version));
            var target = OutputPath(parseResult.GetValue(output) ?? DefaultOutput);

            var package = TeamsAppPackage.Build(parseResult.GetValue(source) ?? DefaultManifestDirectory, settings);
            if (package.Zip is null)
            {
                throw new UsageException([.. package.Errors, $"No package was written: {package.Errors.Count} error(s)."]);
            }

            var replaced = File.Exists(target);
            await WriteAsync(target, package.Zip, cancellationToken);
            foreach (var warning in package.Warnings)
            {
                await context.Error.WriteLineAsync($"warning: {warning}");
            }

            var domains = package.Manifest!["validDomains"]?.AsArray().Select(d => d?.GetValue<string>()).ToList() ?? [];
            await context.Out.WriteLineAsync(
                $"Wrote {target}{(replaced ? " (replaced the file that was there)" : "")}: app id {settings.AppIdText}, " +
                $"version {package.Manifest["version"]}, valid domains: {(domains.Count == 0 ? "none" : string.Join(", ", domains))}.");
            await context.Out.WriteLineAsync(
                "Upload it in Teams (Apps > Manage your apps > Upload an app), the Developer Portal or the Teams admin center; see docs/teams-app.md.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string OutputPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"--out {path} is a folder; give a file name, such as {Path.Combine(path, DefaultOutput)}.");
        }

        var folder = Path.GetDirectoryName(full);
        return folder is not null && !Directory.Exists(folder)
            ? throw new UsageException($"--out {path}: the folder {folder} does not exist.")
            : full;
    }

    /// <summary>Writes beside the target and then moves, so a reader never sees half a zip.</summary>
    private static async Task WriteAsync(string target, byte[] zip, CancellationToken cancellationToken)
    {
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, zip, cancellationToken);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
