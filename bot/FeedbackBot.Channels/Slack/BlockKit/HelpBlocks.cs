using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>What the bot can do for someone: each command as a <c>/feedback</c> usage, with what it does under it.</summary>
internal static class HelpBlocks
{
    /// <summary>The slash command the Slack app declares; the same words also work in a mention or a direct message.</summary>
    internal const string SlashCommand = "/feedback";

    internal static SlackMessage Build(HelpReply help)
    {
        var blocks = new List<JsonNode>
        {
            BlockElements.Header("What I can do"),
            BlockElements.Context(SlackText.Escape($"Use one of these, or write the same words to me (as {RoleName(help.Role)}):")),
        };
        var room = BlockKitLimits.MessageBlocks - blocks.Count;
        foreach (var command in help.Commands.Take(room))
        {
            var example = command.Example is { } e ? $"\nFor example: `{SlackText.EscapeWithin($"{SlashCommand} {e}", 400)}`" : string.Empty;
            blocks.Add(BlockElements.Section(
                $"`{SlackText.EscapeWithin(Usage(command), 500)}`\n{SlackText.EscapeWithin(command.Description, BlockKitLimits.SectionText - 950)}{example}"));
        }

        return BlockKitRenderer.Message($"Commands: {string.Join("; ", help.Commands.Select(Usage))}", blocks);
    }

    internal static string Usage(HelpCommand command) => $"{SlashCommand} {command.Usage}";

    private static string RoleName(PersonRole role) => role switch
    {
        PersonRole.Admin => "an admin",
        PersonRole.Manager => "a manager",
        _ => "a member of staff",
    };
}
