using System.Security.Cryptography;
using System.Text;
using FeedbackBot.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Scheduling;

/// <summary>
/// Who may open the admin pages. With <c>Admin:Password</c> set: HTTP Basic as "admin" with that password, compared in
/// constant time, over HTTPS (or from this machine), acts as the admin; a request from this machine without it may
/// look but not act; a password sent from elsewhere over plain HTTP is refused, since it crossed the network in the
/// clear. Without a password: only requests from this machine, as the admin, so <c>dotnet run</c> works with no
/// set-up; everyone else is told there is nothing here.
/// </summary>
internal sealed class AdminAccess(IOptions<AdminOptions> options)
{
    public const string Realm = "FeedbackBot admin";

    /// <summary>Whether the request is the admin's (may act), rather than one only allowed to look.</summary>
    public bool IsAdmin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var password = options.Value.Password;
        return string.IsNullOrEmpty(password)
            ? LocalRequests.IsLocal(context)
            : Secure(context) && HasCredentials(context.Request.Headers.Authorization.ToString(), password);
    }

    /// <summary>Null when the request may see the page; otherwise the answer to give instead.</summary>
    public IResult? Refuse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var password = options.Value.Password;
        if (string.IsNullOrEmpty(password))
        {
            return LocalRequests.IsLocal(context) ? null : Results.NotFound();
        }

        if (LocalRequests.IsLocal(context))
        {
            return null;
        }

        if (!Secure(context))
        {
            return Results.Text("Use HTTPS: the admin password is not accepted over plain HTTP from another machine.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (HasCredentials(context.Request.Headers.Authorization.ToString(), password))
        {
            return null;
        }

        context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return Results.Unauthorized();
    }

    // HTTPS here, or at the proxy in front (which says so in X-Forwarded-Proto): a client that claims it falsely only
    // exposes its own password.
    private static bool Secure(HttpContext context) =>
        context.Request.IsHttps || LocalRequests.IsLocal(context) ||
        context.Request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim().Equals("https", StringComparison.OrdinalIgnoreCase);

    private static bool HasCredentials(string header, string password)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Both checks always run, and hashing first makes the comparison independent of the lengths.
        var userMatches = SameText(decoded[..colon], AdminOptions.UserName);
        var passwordMatches = SameText(decoded[(colon + 1)..], password);
        return userMatches & passwordMatches;
    }

    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
