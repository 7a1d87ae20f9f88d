using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// The small pages of <c>/u/{token}</c>: the question (with a button, because a link alone must never unsubscribe:
/// mail scanners open every link) and the answer. Plain HTML that works without script, reads on a phone, shows
/// focus, and loads nothing: its one style block is allowed by its hash, and its form may post only to itself.
/// </summary>
internal static class UnsubscribePage
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0;padding:1rem}" +
        "main{max-width:34rem;margin:2rem auto}" +
        "h1{font-size:1.5rem}" +
        "button{font:inherit;padding:.6rem 1.2rem;border:2px solid #0b4f94;border-radius:4px;background:#0b4f94;color:#fff;cursor:pointer}" +
        "button:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}";

    /// <summary>The Content-Security-Policy of every page here.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Asks whether to unsubscribe; the button posts the RFC 8058 body to the page's own address.</summary>
    public static string Question(string planName) => Page(
        "Unsubscribe from survey e-mails",
        $"<p>You are about to stop survey invitations from {WebUtility.HtmlEncode(planName)} and every other survey we send. " +
        "We will not e-mail this address about surveys again.</p>\n" +
        "<form method=\"post\">\n<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n" +
        "<button type=\"submit\">Unsubscribe</button>\n</form>\n" +
        "<p>If you opened this page by mistake, close it: nothing changes until you press the button.</p>");

    public static string AlreadyUnsubscribed() => Page(
        "You are unsubscribed",
        "<p>This address is already unsubscribed: we send it no more survey invitations.</p>");

    public static string Done() => Page(
        "You are unsubscribed",
        "<p role=\"status\">Done: we will send no more survey invitations to this address. You can close this page.</p>");

    private static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n" +
        $"<title>{title}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n";
}
