namespace FeedbackBot.Channels.Slack;

/// <summary>A workspace's installation, as <c>oauth.v2.access</c> returns it: its bot token and who the bot is there.</summary>
public sealed record SlackOAuthAccess(
    string AccessToken,
    string? BotUserId,
    string TeamId,
    string? TeamName,
    string? AppId,
    IReadOnlyList<string> Scopes)
{
    /// <summary>Keeps the token out of logs and exception messages that print the record.</summary>
    public override string ToString() =>
        $"{nameof(SlackOAuthAccess)} {{ TeamId = {TeamId}, TeamName = {TeamName}, AppId = {AppId}, BotUserId = {BotUserId}, Scopes = {string.Join(',', Scopes)} }}";
}
