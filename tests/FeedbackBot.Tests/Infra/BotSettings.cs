using System.Text.RegularExpressions;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Infra;

/// <summary>
/// The settings the bot reads, taken from README.md's configuration table: that table is the operator's contract,
/// names every key with its colon path (the options classes bind whole sections, so their property names alone do
/// not give the path), and a key documented there but not read would be a bug the table's own tests would see.
/// </summary>
internal static partial class BotSettings
{
    /// <summary>ASP.NET Core's own variables the infra files may set besides the bot's settings.</summary>
    private static readonly HashSet<string> HostVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    };

    /// <summary>Settings whose value is a secret: they come from a secret store, never a literal in a manifest.</summary>
    public static readonly IReadOnlyList<string> Secret =
    [
        "ConnectionStrings:Feedback", "Teams:AppPassword", "Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken",
        "Slack:ClientSecret", "Webhooks:Secret", "Email:Smtp:Username", "Email:Smtp:Password", "Admin:Password",
    ];

    public static IReadOnlySet<string> Documented { get; } = ReadReadme();

    /// <summary>Environment variable name to setting key: configuration reads <c>__</c> as <c>:</c>.</summary>
    public static string KeyOf(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    public static bool IsKnown(string variable) => HostVariables.Contains(variable) || Documented.Contains(KeyOf(variable));

    private static HashSet<string> ReadReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..end];
        return new HashSet<string>(
            section.Split('\n').Where(line => line.StartsWith('|')).SelectMany(line => SettingKey().Matches(line)).Select(m => m.Groups[1].Value),
            StringComparer.OrdinalIgnoreCase);
    }

    // A colon path (Teams:AppId), or one of OpenTelemetry's standard variables (OTEL_SERVICE_NAME), which the SDK reads as they are.
    [GeneratedRegex(@"`([A-Za-z]+(?::[A-Za-z]+)+|OTEL_[A-Z_]+)(?:=[^`]*)?`")]
    private static partial Regex SettingKey();
}
