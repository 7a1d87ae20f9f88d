using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace FeedbackBot.Adapters.Playground;

/// <summary>A file of the playground page, read once from the assembly's embedded resources (see FeedbackBot.csproj).</summary>
internal sealed class PlaygroundAsset
{
    private static readonly Dictionary<string, Lazy<PlaygroundAsset>> Files = new(StringComparer.Ordinal)
    {
        ["webchat.js"] = new(() => Load("FeedbackBot.Assets.webchat.js", "text/javascript; charset=utf-8")),
        ["playground.js"] = new(() => Load("FeedbackBot.Assets.playground.js", "text/javascript; charset=utf-8")),
        ["playground.css"] = new(() => Load("FeedbackBot.Assets.playground.css", "text/css; charset=utf-8")),
    };

    private static readonly Lazy<string> Template = new(() =>
        System.Text.Encoding.UTF8.GetString(Read("FeedbackBot.Assets.playground.html")));

    private PlaygroundAsset(string contentType, byte[] content)
    {
        ContentType = contentType;
        Content = content;
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
    }

    public string ContentType { get; }

    public byte[] Content { get; }

    /// <summary>From the content, so a browser revalidates cheaply and never keeps a file from an older build.</summary>
    public EntityTagHeaderValue ETag { get; }

    /// <summary>The page's HTML, with <c>{{nonce}}</c>, <c>{{identities}}</c> and <c>{{panels}}</c> still to fill in.</summary>
    public static string PageTemplate => Template.Value;

    /// <summary>The file served at <c>/playground/{name}</c>, or null.</summary>
    public static PlaygroundAsset? Find(string name) => Files.TryGetValue(name, out var file) ? file.Value : null;

    private static PlaygroundAsset Load(string resource, string contentType) => new(contentType, Read(resource));

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing; the build embeds it from bot/FeedbackBot.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
