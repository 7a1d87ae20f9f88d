using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FeedbackBot.Adapters.TeamsApp;

/// <summary>
/// The parts of the Teams app manifest schema (v1.23, docs/teams-app.md) a bot's package must get right, checked
/// before a zip is written: Teams only says "invalid manifest" at upload, often without saying where.
/// Each problem is one line: <c>json.path: what is wrong</c>.
/// </summary>
internal static partial class TeamsManifestRules
{
    public const int ShortNameMax = 30;
    public const int FullNameMax = 100;
    public const int ShortDescriptionMax = 80;
    public const int FullDescriptionMax = 4000;
    public const int DeveloperNameMax = 32;
    public const int CommandListsMax = 3;
    public const int CommandsPerListMax = 10;

    // The schema allows longer command text, but Teams' bot-command guidance and UI stop at these.
    public const int CommandTitleMax = 32;
    public const int CommandDescriptionMax = 128;
    public const int ValidDomainsMax = 16;

    private static readonly string[] BotScopes = ["personal", "team", "groupChat", "copilot"];
    private static readonly string[] DeveloperUrls = ["websiteUrl", "privacyUrl", "termsOfUseUrl"];

    public static IReadOnlyList<string> Check(JsonObject manifest, Guid appId)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var errors = new List<string>();
        var appIdText = appId.ToString("D", CultureInfo.InvariantCulture);

        errors.AddRange(TeamsManifestTemplate.Unfilled(manifest).Select(u => $"{u.Path}: still holds the placeholder {u.Placeholder}."));
        CheckVersions(manifest, errors);
        CheckAppId(manifest["id"], "id", appIdText, errors);

        var developer = RequiredObject(manifest, "developer", "developer", errors);
        if (developer is not null)
        {
            RequiredText(developer, "name", "developer.name", DeveloperNameMax, errors);
            foreach (var name in DeveloperUrls)
            {
                if (RequiredText(developer, name, $"developer.{name}", 2048, errors) is { } url && !IsHttpsUrl(url))
                {
                    errors.Add($"developer.{name}: must be an https:// address, not '{url}'.");
                }
            }
        }

        var appName = RequiredObject(manifest, "name", "name", errors);
        if (appName is not null)
        {
            RequiredText(appName, "short", "name.short", ShortNameMax, errors);
            OptionalText(appName, "full", "name.full", FullNameMax, errors);
        }

        var description = RequiredObject(manifest, "description", "description", errors);
        if (description is not null)
        {
            RequiredText(description, "short", "description.short", ShortDescriptionMax, errors);
            RequiredText(description, "full", "description.full", FullDescriptionMax, errors);
        }

        var icons = RequiredObject(manifest, "icons", "icons", errors);
        if (icons is not null)
        {
            RequiredText(icons, "color", "icons.color", 2048, errors);
            RequiredText(icons, "outline", "icons.outline", 2048, errors);
        }

        if (RequiredText(manifest, "accentColor", "accentColor", 7, errors) is { } accent && !HexColor().IsMatch(accent))
        {
            errors.Add($"accentColor: must be an HTML colour such as #2563A8, not '{accent}'.");
        }

        CheckBots(manifest, appIdText, errors);
        CheckValidDomains(manifest, errors);
        return errors;
    }

    private static void CheckVersions(JsonObject manifest, List<string> errors)
    {
        var manifestVersion = RequiredText(manifest, "manifestVersion", "manifestVersion", 16, errors);
        if (manifestVersion is not null && !ManifestVersion().IsMatch(manifestVersion))
        {
            errors.Add($"manifestVersion: must be a schema version such as 1.23, not '{manifestVersion}'.");
        }

        if (manifestVersion is not null && Text(manifest["$schema"]) is { } schema
            && !schema.EndsWith($"/v{manifestVersion}/MicrosoftTeams.schema.json", StringComparison.Ordinal))
        {
            errors.Add($"$schema: names another schema than manifestVersion {manifestVersion}: '{schema}'.");
        }

        if (RequiredText(manifest, "version", "version", 256, errors) is { } version && !TeamsPackageSettings.SemanticVersion().IsMatch(version))
        {
            errors.Add($"version: must be MAJOR.MINOR.PATCH, such as 1.0.0, not '{version}'.");
        }
    }

    private static void CheckAppId(JsonNode? node, string path, string appId, List<string> errors)
    {
        var text = Text(node);
        if (text is null)
        {
            errors.Add($"{path}: missing; it must be {TeamsManifestTemplate.AppIdPlaceholder}, filled with the bot's App ID.");
        }
        else if (!Guid.TryParseExact(text, "D", out var id))
        {
            errors.Add($"{path}: must be a GUID, not '{text}'.");
        }
        else if (!string.Equals(id.ToString("D", CultureInfo.InvariantCulture), appId, StringComparison.Ordinal))
        {
            errors.Add($"{path}: is {text}, not the bot's App ID {appId}; write {TeamsManifestTemplate.AppIdPlaceholder} there.");
        }
    }

    private static void CheckBots(JsonObject manifest, string appId, List<string> errors)
    {
        if (manifest["bots"] is not JsonArray bots || bots.Count != 1 || bots[0] is not JsonObject bot)
        {
            errors.Add("bots: must hold exactly one bot, FeedbackBot itself.");
            return;
        }

        CheckAppId(bot["botId"], "bots[0].botId", appId, errors);
        CheckScopes(bot["scopes"], "bots[0].scopes", errors);
        foreach (var flag in new[] { "supportsFiles", "isNotificationOnly" })
        {
            if (bot[flag] is { } value && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add($"bots[0].{flag}: must be true or false.");
            }
        }

        if (bot["commandLists"] is null)
        {
            return;
        }

        if (bot["commandLists"] is not JsonArray lists || lists.Count > CommandListsMax)
        {
            errors.Add($"bots[0].commandLists: must be a list of at most {CommandListsMax} command lists.");
            return;
        }

        for (var i = 0; i < lists.Count; i++)
        {
            var path = $"bots[0].commandLists[{i}]";
            if (lists[i] is not JsonObject list)
            {
                errors.Add($"{path}: must be an object with scopes and commands.");
                continue;
            }

            CheckScopes(list["scopes"], $"{path}.scopes", errors);
            CheckCommands(list["commands"], $"{path}.commands", errors);
        }
    }

    private static void CheckCommands(JsonNode? node, string path, List<string> errors)
    {
        if (node is not JsonArray commands || commands.Count == 0)
        {
            errors.Add($"{path}: must list at least one command.");
            return;
        }

        if (commands.Count > CommandsPerListMax)
        {
            errors.Add($"{path}: {commands.Count} commands; Teams shows at most {CommandsPerListMax} per list.");
        }

        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is not JsonObject command)
            {
                errors.Add($"{path}[{i}]: must be an object with a title and a description.");
                continue;
            }

            var title = RequiredText(command, "title", $"{path}[{i}].title", CommandTitleMax, errors);
            RequiredText(command, "description", $"{path}[{i}].description", CommandDescriptionMax, errors);
            if (title is not null && !titles.Add(title))
            {
                errors.Add($"{path}[{i}].title: '{title}' is listed twice.");
            }
        }
    }

    private static void CheckScopes(JsonNode? node, string path, List<string> errors)
    {
        if (node is not JsonArray scopes || scopes.Count == 0)
        {
            errors.Add($"{path}: must list at least one of {string.Join(", ", BotScopes)}.");
            return;
        }

        foreach (var scope in scopes.Select(Text))
        {
            if (scope is null || !BotScopes.Contains(scope, StringComparer.Ordinal))
            {
                errors.Add($"{path}: '{scope}' is not a scope; use {string.Join(", ", BotScopes)} (spelt exactly so).");
            }
        }

        if (scopes.Select(Text).Distinct(StringComparer.Ordinal).Count() != scopes.Count)
        {
            errors.Add($"{path}: lists a scope twice.");
        }
    }

    private static void CheckValidDomains(JsonObject manifest, List<string> errors)
    {
        if (manifest["validDomains"] is null)
        {
            return;
        }

        if (manifest["validDomains"] is not JsonArray domains || domains.Count > ValidDomainsMax)
        {
            errors.Add($"validDomains: must be a list of at most {ValidDomainsMax} host names.");
            return;
        }

        for (var i = 0; i < domains.Count; i++)
        {
            var domain = Text(domains[i]);
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal) || domain == "*")
            {
                errors.Add($"validDomains[{i}]: must be a host name such as feedback.contoso.com, not '{domain}'.");
            }
        }
    }

    private static JsonObject? RequiredObject(JsonObject parent, string name, string path, List<string> errors)
    {
        if (parent[name] is JsonObject found)
        {
            return found;
        }

        errors.Add(parent[name] is null ? $"{path}: missing." : $"{path}: must be an object.");
        return null;
    }

    private static string? RequiredText(JsonObject parent, string name, string path, int maxLength, List<string> errors)
    {
        if (parent[name] is null)
        {
            errors.Add($"{path}: missing.");
            return null;
        }

        var text = OptionalText(parent, name, path, maxLength, errors);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: is empty.");
            return null;
        }

        return text;
    }

    private static string? OptionalText(JsonObject parent, string name, string path, int maxLength, List<string> errors)
    {
        if (parent[name] is not { } node)
        {
            return null;
        }

        if (Text(node) is not { } text)
        {
            errors.Add($"{path}: must be text.");
            return null;
        }

        // JSON Schema's maxLength counts Unicode code points, not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (length > maxLength)
        {
            errors.Add($"{path}: {length} characters; at most {maxLength}.");
        }

        return text;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^1\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestVersion();
}
