using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>A text reply: mrkdwn sections, as many as the text needs up to a message's block limit.</summary>
internal static class TextBlocks
{
    internal static SlackMessage Build(TextReply reply)
    {
        var pieces = SlackText.Split(SlackText.FromMarkdown(reply.Text), BlockKitLimits.SectionText);
        var blocks = pieces.Take(BlockKitLimits.MessageBlocks).Select(p => (JsonNode)BlockElements.Section(p)).ToList();
        if (pieces.Count > BlockKitLimits.MessageBlocks)
        {
            // Longer than any reply the bot writes; the end is dropped rather than the message refused.
            blocks[^1] = BlockElements.Section(SlackText.Split(pieces[BlockKitLimits.MessageBlocks - 1], BlockKitLimits.SectionText - 2)[0] + " …");
        }

        var fallback = SlackText.EscapeWithin(reply.Text.Replace("**", string.Empty, StringComparison.Ordinal), BlockKitLimits.FallbackText);
        return new SlackMessage(fallback, new JsonArray([.. blocks]));
    }
}
