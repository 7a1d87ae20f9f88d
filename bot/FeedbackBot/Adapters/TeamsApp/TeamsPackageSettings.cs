using System.Globalization;
using System.Text.RegularExpressions;
using FeedbackBot.CommandLine;

namespace FeedbackBot.Adapters.TeamsApp;

/// <summary>What a deployer fills into the manifest template: the bot's app id, its host name and the app's version.</summary>
internal sealed partial record TeamsPackageSettings(Guid AppId, string? BotDomain, string? Version)
{
    /// <summary>The app id as Teams and the Azure portal write it: lower-case hex with hyphens.</summary>
    public string AppIdText => AppId.ToString("D", CultureInfo.InvariantCulture);

    /// <param name="appId">The --app-id value, or the Teams:AppId setting when the option was not given.</param>
    /// <param name="appIdSource">How the user gave the app id, for the message when it is wrong.</param>
    /// <param name="botDomain">The --bot-domain value, if given.</param>
    /// <param name="version">The --version value, if given.</param>
    public static TeamsPackageSettings Parse(string? appId, string appIdSource, string? botDomain, string? version) =>
        new(ParseAppId(appId, appIdSource), ParseBotDomain(botDomain), ParseVersion(version));

    private static Guid ParseAppId(string? text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException(
                "The bot's Microsoft App ID is needed: pass --app-id GUID, or set Teams:AppId (environment variable Teams__AppId).");
        }

        // The manifest schema accepts only the hyphenated form, so braces or bare hex would make a package Teams refuses.
        if (!Guid.TryParseExact(text.Trim(), "D", out var id))
        {
            throw new UsageException(
                $"{source} must be the bot's Microsoft App ID, a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301, not '{text}'.");
        }

        return id == Guid.Empty
            ? throw new UsageException($"{source} is the all-zero GUID; use the App ID of the bot's Azure registration.")
            : id;
    }

    private static string? ParseBotDomain(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var host = text.Trim();
        var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return Uri.CheckHostName(bare) == UriHostNameType.Dns && bare.Contains('.', StringComparison.Ordinal)
            ? host.ToLowerInvariant()
            : throw new UsageException(
                $"--bot-domain must be a host name such as feedback.contoso.com (no https://, port or path), not '{text}'.");
    }

    private static string? ParseVersion(string? text) =>
        text is null || SemanticVersion().IsMatch(text)
            ? text
            : throw new UsageException($"--version must be MAJOR.MINOR.PATCH with numbers only, such as 1.2.0, not '{text}'.");

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    internal static partial Regex SemanticVersion();
}
