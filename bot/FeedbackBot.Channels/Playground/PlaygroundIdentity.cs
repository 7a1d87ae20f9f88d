using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// A person the playground page can act as. The user ids are stable across restarts, so what the features remember
/// about a person (role, answers, conversation references) still applies the next time the playground is opened.
/// </summary>
/// <param name="UserId">The <c>from.id</c> of everything this person sends.</param>
/// <param name="Name">The display name, the <c>from.name</c>.</param>
/// <param name="Role">The role the page offers this identity for: <c>staff</c>, <c>manager</c> or <c>admin</c>. A hint for the
/// features, which own roles; the channel itself gives it no meaning.</param>
public sealed record PlaygroundIdentity(string UserId, string Name, string Role)
{
    /// <summary>Sam, a member of staff: answers pulse surveys and logs feedback.</summary>
    public static PlaygroundIdentity Staff { get; } = new("playground:staff", "Sam", "staff");

    /// <summary>
    /// Morgan, a manager who is also the local tenant's admin, so that every command can be tried: starts pulses, reads
    /// reviews and gives roles. Labelled with the role the bot gives Morgan, so the page and the help card agree.
    /// </summary>
    public static PlaygroundIdentity Manager { get; } = new("playground:manager", "Morgan", "admin");

    /// <summary>Alex, Sam's colleague: a second answer, so a short pulse can reach the plan's minimum group size.</summary>
    public static PlaygroundIdentity Colleague { get; } = new("playground:alex", "Alex", "staff");

    /// <summary>Jo, another colleague: with Sam and Alex, three answers.</summary>
    public static PlaygroundIdentity SecondColleague { get; } = new("playground:jo", "Jo", "staff");

    /// <summary>Every identity the page offers, in the order it lists them; the first is the default.</summary>
    public static IReadOnlyList<PlaygroundIdentity> All { get; } = [Staff, Manager, Colleague, SecondColleague];

    /// <summary>How the page labels this identity, e.g. "Sam (staff)".</summary>
    public string Label => $"{Name} ({Role})";

    /// <summary>The account as it appears in activities: <c>role</c> is <c>user</c>, which Web Chat draws as "me".</summary>
    public ChannelAccount Account => new() { Id = UserId, Name = Name, Role = "user" };

    /// <summary>The identity with this user id, or null.</summary>
    public static PlaygroundIdentity? Find(string? userId) =>
        All.FirstOrDefault(identity => string.Equals(identity.UserId, userId, StringComparison.Ordinal));
}
