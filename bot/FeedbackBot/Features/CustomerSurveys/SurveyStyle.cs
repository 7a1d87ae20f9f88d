using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>The survey page's style sheet, read once from the assembly's embedded resources (see FeedbackBot.csproj).</summary>
internal static class SurveyStyle
{
    public const string FileName = "survey.css";

    private const string Resource = "FeedbackBot.Assets.survey.css";

    private static readonly Lazy<(byte[] Content, EntityTagHeaderValue ETag)> Loaded = new(Load);

    /// <summary><c>GET /s/survey.css</c>: revalidated by its tag, so a browser never keeps a sheet from an older build.</summary>
    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(Loaded.Value.Content, "text/css; charset=utf-8", entityTag: Loaded.Value.ETag);
    }

    private static (byte[], EntityTagHeaderValue) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing; the build embeds it from bot/FeedbackBot.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        return (content, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\""));
    }
}
