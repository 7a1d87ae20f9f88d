using FeedbackBot.Core.People;

namespace FeedbackBot.Features.People;

/// <summary>
/// One good row of a people roster: who (a normalised e-mail address, or a platform user id), their name and role when
/// given, and each segment column's value (null for an empty cell: the roster gives no value).
/// </summary>
internal sealed record RosterRow(
    long Line, string Person, bool ByEmail, string? Name, PersonRole? Role, IReadOnlyList<KeyValuePair<string, string?>> Segments)
{
    /// <summary>The person as the roster names them, for matching a second mention of them in the same file.</summary>
    public string Key => ByEmail ? "email:" + Person : "id:" + Person;
}
