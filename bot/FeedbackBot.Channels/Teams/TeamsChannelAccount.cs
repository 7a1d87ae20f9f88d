using System.Text.Json;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// A member of a Teams team or chat as the Connector lists it: the person's Teams id (<c>29:</c>), name, Entra object
/// id, e-mail address and user principal name, and role (<c>user</c>, <c>guest</c> or <c>anonymous</c>).
/// </summary>
public sealed record TeamsChannelAccount(
    string Id,
    string? Name,
    string? AadObjectId,
    string? Email,
    string? UserPrincipalName,
    string? GivenName,
    string? Surname,
    string? UserRole,
    string? TenantId)
{
    /// <summary>Whether Teams says this is an anonymous meeting guest: not a member of staff, whatever the list says.</summary>
    public bool IsAnonymous => string.Equals(UserRole, "anonymous", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name to show: <c>name</c>, else the given name and surname together.</summary>
    public string? DisplayName =>
        !string.IsNullOrWhiteSpace(Name) ? Name.Trim()
        : string.Join(' ', new[] { GivenName, Surname }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())) is { Length: > 0 } joined ? joined
        : null;

    /// <summary>Reads one member; null when it has no id. Teams' REST answer names the Entra id <c>objectId</c>, the SDKs <c>aadObjectId</c>: both are read.</summary>
    internal static TeamsChannelAccount? Read(JsonElement member)
    {
        if (member.ValueKind != JsonValueKind.Object || String(member, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        return new TeamsChannelAccount(
            id,
            String(member, "name"),
            String(member, "aadObjectId") ?? String(member, "objectId"),
            String(member, "email"),
            String(member, "userPrincipalName"),
            String(member, "givenName"),
            String(member, "surname"),
            String(member, "userRole"),
            String(member, "tenantId"));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
