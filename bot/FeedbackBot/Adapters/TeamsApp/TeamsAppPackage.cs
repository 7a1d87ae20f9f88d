using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedbackBot.Adapters.TeamsApp;

/// <summary>
/// A Teams app package built from a folder holding the manifest template and its icons: either the zip's bytes,
/// or every reason it could not be built. Warnings are things Teams accepts but a deployer should still fix.
/// </summary>
internal sealed record TeamsAppPackage(
    string ManifestPath, byte[]? Zip, JsonObject? Manifest, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public const string ManifestFileName = "manifest.json";

    private static readonly (string Role, int Size)[] IconRules = [("color", 192), ("outline", 32)];

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,

        // The file goes into a zip, not a web page: keep "[PLAN]", "&" and the apostrophes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TeamsAppPackage Build(string sourceDirectory, TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var manifestPath = Path.GetFullPath(Path.Combine(sourceDirectory, ManifestFileName));
        if (!File.Exists(manifestPath))
        {
            return Failed(manifestPath, $"{manifestPath}: no such file; it is the Teams app manifest template (manifests/teams in the repository).");
        }

        JsonObject manifest;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(manifestPath)) is not JsonObject parsed)
            {
                return Failed(manifestPath, $"{manifestPath}: must hold one JSON object.");
            }

            manifest = parsed;
        }
        catch (JsonException e)
        {
            return Failed(manifestPath, $"{manifestPath}:{e.LineNumber + 1}: not valid JSON: {e.Message}");
        }

        TeamsManifestTemplate.Fill(manifest, settings);
        var errors = TeamsManifestRules.Check(manifest, settings.AppId).Select(e => $"{manifestPath}: {e}").ToList();
        var icons = ReadIcons(manifest, Path.GetDirectoryName(manifestPath)!, errors);
        if (errors.Count > 0)
        {
            return new TeamsAppPackage(manifestPath, null, null, errors, []);
        }

        return new TeamsAppPackage(manifestPath, ZipOf(manifest, icons), manifest, [], WarningsFor(manifest));
    }

    private static List<(string Name, byte[] Bytes)> ReadIcons(JsonObject manifest, string folder, List<string> errors)
    {
        var icons = new List<(string Name, byte[] Bytes)>();
        foreach (var (role, size) in IconRules)
        {
            if (manifest["icons"]?[role] is not JsonValue value || !value.TryGetValue<string>(out var name) || name.Length == 0)
            {
                continue;
            }

            // Teams reads icons from the root of the zip, so they sit beside manifest.json.
            if (Path.GetFileName(name) != name || name.Contains('\\', StringComparison.Ordinal))
            {
                errors.Add($"icons.{role}: '{name}' must be a file name beside manifest.json, without a folder.");
                continue;
            }

            var file = Path.Combine(folder, name);
            if (!File.Exists(file))
            {
                errors.Add($"icons.{role}: {file} does not exist.");
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            var header = PngHeader.TryRead(bytes);
            if (header is null)
            {
                errors.Add($"icons.{role}: {file} is not a PNG image.");
                continue;
            }

            if (header.Width != size || header.Height != size)
            {
                errors.Add($"icons.{role}: {file} is {header.Width}x{header.Height} pixels; Teams needs {size}x{size}.");
            }

            if (role == "outline" && !header.HasTransparency)
            {
                errors.Add($"icons.{role}: {file} has no transparency; Teams needs white on a transparent background.");
            }

            if (!icons.Exists(i => i.Name == name))
            {
                icons.Add((name, bytes));
            }
        }

        return icons;
    }

    private static byte[] ZipOf(JsonObject manifest, IEnumerable<(string Name, byte[] Bytes)> icons)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var json = Encoding.UTF8.GetBytes(manifest.ToJsonString(ManifestJson) + "\n");
            foreach (var (name, bytes) in icons.Prepend((ManifestFileName, json)))
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static List<string> WarningsFor(JsonObject manifest)
    {
        var placeholders = (manifest["developer"] as JsonObject ?? [])
            .Where(p => p.Value is JsonValue value && value.TryGetValue<string>(out var url)
                && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.EndsWith("example.com", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"developer.{p.Key}")
            .ToList();
        return placeholders.Count == 0
            ? []
            : [$"{string.Join(", ", placeholders)} still point at example.com: put your organisation's pages there (and developer.name) before publishing."];
    }

    private static TeamsAppPackage Failed(string manifestPath, string error) => new(manifestPath, null, null, [error], []);
}
