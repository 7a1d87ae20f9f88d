using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FeedbackBot.Channels.Playground;

namespace FeedbackBot.Adapters.Playground;

/// <summary>
/// <c>GET /playground</c> and its files. The page loads Web Chat and its own script from this host only, and its
/// Content-Security-Policy lets it load or call nothing else. Web Chat writes its styles into style elements, which
/// carry the page's per-request nonce.
/// </summary>
internal static class PlaygroundPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapPlaygroundPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/playground", Page);
        endpoints.MapGet("/playground/{file}", File);
        return endpoints;
    }

    /// <summary>
    /// Web Chat 4.18 hands the nonce to its own style elements, but react-scroll-to-bottom inside it adds one empty
    /// style element without it and fills it through the CSS object model, which CSP does not govern. The SHA-256
    /// of the empty string admits exactly that element and no inline style with any content.
    /// </summary>
    private const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'none'; script-src 'self'; style-src 'self' 'nonce-{nonce}' {EmptyStyleHash}; img-src 'self' data: blob:; " +
        "font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public static string Render(string nonce)
    {
        var identities = new StringBuilder();
        var panels = new StringBuilder();
        for (var i = 0; i < PlaygroundIdentity.All.Count; i++)
        {
            var identity = PlaygroundIdentity.All[i];
            // "playground:alex" → "chat-alex": one panel per identity, and ids a test or a stylesheet can name.
            var panelId = "chat-" + identity.UserId[(identity.UserId.IndexOf(':', StringComparison.Ordinal) + 1)..];
            identities.Append("  <button type=\"button\" class=\"identity\" data-user-id=\"").Append(Encode(identity.UserId))
                .Append("\" data-name=\"").Append(Encode(identity.Name))
                .Append("\" aria-controls=\"").Append(Encode(panelId))
                .Append("\" aria-pressed=\"").Append(i == 0 ? "true" : "false").Append("\">")
                .Append(Encode(identity.Label))
                .Append("<span class=\"unread\" hidden></span></button>\n");
            panels.Append("  <section id=\"").Append(Encode(panelId)).Append("\" class=\"chat\" aria-label=\"")
                .Append(Encode($"{identity.Label}: conversation with FeedbackBot")).Append('"')
                .Append(i == 0 ? "" : " hidden").Append("></section>\n");
        }

        return PlaygroundAsset.PageTemplate
            .Replace("{{nonce}}", nonce, StringComparison.Ordinal)
            .Replace("{{identities}}", identities.ToString(), StringComparison.Ordinal)
            .Replace("{{panels}}", panels.ToString(), StringComparison.Ordinal);
    }

    private static IResult Page(HttpContext http)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Text(Render(nonce), "text/html", Encoding.UTF8);
    }

    private static IResult File(HttpContext http, string file)
    {
        if (PlaygroundAsset.Find(file) is not { } asset)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }

    private static string Encode(string text) => Encoder.Encode(text);
}
