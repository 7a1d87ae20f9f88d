using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// The chart library, style sheet and script the HTML report inlines, read once from the assembly's embedded
/// resources (see FeedbackBot.csproj), each with the SHA-256 the page's Content-Security-Policy allows it by.
/// </summary>
internal sealed class ReportAssets
{
    public const string ChartLibraryResource = "FeedbackBot.Assets.chart.umd.js";
    public const string StyleResource = "FeedbackBot.Assets.review-report.css";
    public const string ScriptResource = "FeedbackBot.Assets.review-report.js";

    private static readonly Lazy<ReportAssets> Loaded = new(Load);

    private ReportAssets(string chartLibrary, string style, string script)
    {
        ChartLibrary = chartLibrary;
        Style = style;
        Script = script;
    }

    public static ReportAssets Instance => Loaded.Value;

    public string ChartLibrary { get; }

    public string Style { get; }

    public string Script { get; }

    /// <summary>The CSP source expression for an inline script or style: 'sha256-…'.</summary>
    public static string HashSource(string content) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";

    private static ReportAssets Load() =>
        new(ReadInlineSafe(ChartLibraryResource, "script"), ReadInlineSafe(StyleResource, "style"), ReadInlineSafe(ScriptResource, "script"));

    /// <summary>
    /// Reads a resource that goes verbatim inside a script or style element, which ends at the first "&lt;/tag"
    /// whatever the context; a library update that contains one must fail loudly rather than break the page.
    /// </summary>
    private static string ReadInlineSafe(string name, string element)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing; the build embeds it from bot/FeedbackBot.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var content = reader.ReadToEnd();
        if (content.Contains("</" + element, StringComparison.OrdinalIgnoreCase) || content.Contains("<!--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The embedded resource {name} contains '</{element}' or '<!--' and cannot be inlined safely.");
        }

        return content;
    }
}
