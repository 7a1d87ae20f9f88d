namespace FeedbackBot.Channels.Teams;

/// <summary>
/// Which addresses the bot will fetch keys from or send credentials to: https anywhere, plain http only on this
/// machine, so tests can run fakes on loopback without opening a way to leak a token over the network.
/// </summary>
internal static class EndpointRules
{
    public static bool TryParse(string? value, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed))
        {
            return false;
        }

        uri = parsed;
        return IsAcceptable(parsed);
    }

    public static bool IsAcceptable(Uri uri) =>
        uri.IsAbsoluteUri
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
