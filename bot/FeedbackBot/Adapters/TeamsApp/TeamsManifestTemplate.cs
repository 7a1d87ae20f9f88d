using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FeedbackBot.Adapters.TeamsApp;

/// <summary>
/// The checked-in manifest is a template: <c>{{TEAMS_APP_ID}}</c> stands for the bot's Microsoft App ID and
/// <c>{{BOT_DOMAIN}}</c> for the host the bot is reached on. Filling works on the parsed JSON, so a value can never
/// break the document's quoting.
/// </summary>
internal static partial class TeamsManifestTemplate
{
    public const string AppIdPlaceholder = "{{TEAMS_APP_ID}}";
    public const string BotDomainPlaceholder = "{{BOT_DOMAIN}}";

    public static void Fill(JsonObject manifest, TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        FillNode(manifest, settings);
        if (settings.Version is { } version)
        {
            manifest["version"] = version;
        }
    }

    /// <summary>Placeholders still present after filling, with where they are, such as <c>developer.websiteUrl</c>.</summary>
    public static IEnumerable<(string Path, string Placeholder)> Unfilled(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var found in Unfilled(child, path.Length == 0 ? key : $"{path}.{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in Unfilled(array[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                foreach (Match match in Placeholder().Matches(text))
                {
                    yield return (path, match.Value);
                }

                break;
        }
    }

    private static void FillNode(JsonNode node, TeamsPackageSettings settings)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is not null && Replace(child, settings) is { } text)
                    {
                        obj[key] = text;
                    }
                    else if (child is not null)
                    {
                        FillNode(child, settings);
                    }
                }

                break;
            case JsonArray array:
                // Without a bot domain the list entry that names it goes, rather than leaving an empty domain behind.
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    var child = array[i];
                    if (child is null)
                    {
                        continue;
                    }

                    if (settings.BotDomain is null && IsString(child, out var raw) && raw.Contains(BotDomainPlaceholder, StringComparison.Ordinal))
                    {
                        array.RemoveAt(i);
                    }
                    else if (Replace(child, settings) is { } text)
                    {
                        array[i] = text;
                    }
                    else
                    {
                        FillNode(child, settings);
                    }
                }

                break;
        }
    }

    private static string? Replace(JsonNode node, TeamsPackageSettings settings)
    {
        if (!IsString(node, out var text))
        {
            return null;
        }

        var filled = text.Replace(AppIdPlaceholder, settings.AppIdText, StringComparison.Ordinal);
        if (settings.BotDomain is { } domain)
        {
            filled = filled.Replace(BotDomainPlaceholder, domain, StringComparison.Ordinal);
        }

        return filled == text ? null : filled;
    }

    private static bool IsString(JsonNode node, out string text)
    {
        text = "";
        return node is JsonValue value && value.TryGetValue(out text!);
    }

    [GeneratedRegex(@"\{\{[A-Za-z0-9_]+\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
