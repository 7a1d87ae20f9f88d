using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// What the bot can do for someone: each command as it is written (arguments in capitals, which every client shows,
/// where Web Chat and Teams drop an HTML-like <c>&lt;plan&gt;</c>), what it does, and an example.
/// </summary>
internal static class HelpCard
{
    internal static JsonObject Build(HelpReply help)
    {
        var body = new List<JsonNode>
        {
            CardElements.Heading("What I can do"),
            CardElements.TextBlock($"Write one of these to me (as {RoleName(help.Role)}):", subtle: true, spacing: "none"),
        };
        body.AddRange(help.Commands.Select(command => (JsonNode)CardElements.Container(
            [
                CardElements.TextBlock(command.Usage, weight: "bolder"),
                CardElements.TextBlock(command.Description, spacing: "none"),
                .. command.Example is { } example ? [CardElements.TextBlock($"For example: {example}", subtle: true, spacing: "none")] : Array.Empty<JsonNode>(),
            ],
            spacing: "medium")));
        var fallback = string.Join("; ", help.Commands.Select(c => c.Usage));
        return AdaptiveCardFormat.Card($"Commands: {fallback}", body);
    }

    private static string RoleName(PersonRole role) => role switch
    {
        PersonRole.Admin => "an admin",
        PersonRole.Manager => "a manager",
        _ => "a member of staff",
    };
}
