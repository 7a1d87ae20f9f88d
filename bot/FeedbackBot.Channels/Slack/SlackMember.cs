using System.Text.Json;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// A member of a Slack workspace as <c>users.list</c> gives it: id, names, the profile's e-mail address and title,
/// and whether the account is a bot or deactivated.
/// </summary>
public sealed record SlackMember(
    string Id,
    string? Name,
    string? RealName,
    string? DisplayName,
    string? Email,
    string? Title,
    bool IsBot,
    bool Deleted)
{
    /// <summary>Slack's own helper user: listed like a person, with <c>is_bot</c> false, but nobody to ask.</summary>
    public const string SlackbotId = "USLACKBOT";

    /// <summary>Whether this is a person who can be asked: not a bot, not Slackbot, not deactivated.</summary>
    public bool IsPerson => !IsBot && !Deleted && Id != SlackbotId;

    /// <summary>The name to show: the profile's real name, then its display name, then the user name.</summary>
    public string? BestName => new[] { RealName, DisplayName, Name }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();

    internal static SlackMember? Read(JsonElement user)
    {
        if (JsonFields.String(user, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var profile = JsonFields.Object(user, "profile");
        string? FromProfile(string name) => profile is { } p ? JsonFields.String(p, name) : null;
        return new SlackMember(
            id,
            JsonFields.String(user, "name"),
            FromProfile("real_name") ?? JsonFields.String(user, "real_name"),
            FromProfile("display_name"),
            FromProfile("email"),
            FromProfile("title"),
            JsonFields.Boolean(user, "is_bot") ?? false,
            JsonFields.Boolean(user, "deleted") ?? false);
    }
}
