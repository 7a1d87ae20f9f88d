using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// The App Home tab: the pulses waiting for this person, each with its "Answer" button, and for managers the latest
/// review's summary. Published with <c>views.publish</c> whenever the person opens the tab.
/// </summary>
internal static class HomeView
{
    internal const int MaxPulses = 5;

    internal static JsonObject Build(IReadOnlyList<SurveyPrompt> openPulses, BotReply? review)
    {
        var blocks = new List<JsonNode> { BlockElements.Header("Your pulses") };
        if (openPulses.Count == 0)
        {
            blocks.Add(BlockElements.Section(SlackText.Escape("No pulse is waiting for you. Thank you for answering!")));
        }

        for (var i = 0; i < Math.Min(openPulses.Count, MaxPulses); i++)
        {
            foreach (var block in SurveyMessage.Build(openPulses[i]).Blocks)
            {
                var copy = block!.DeepClone().AsObject();
                // Block ids must be unique within a view; each pulse's button row gets its own.
                if (copy["block_id"] is not null)
                {
                    copy["block_id"] = $"{BlockKitActions.OwnBlockPrefix}pulse-{i}";
                }

                blocks.Add(copy);
            }

            blocks.Add(BlockElements.Divider());
        }

        if (openPulses.Count > MaxPulses)
        {
            blocks.Add(BlockElements.Context(SlackText.Escape($"and {openPulses.Count - MaxPulses} more; answer these first.")));
        }

        if (review is not null)
        {
            blocks.Add(BlockElements.Header("Latest review"));
            blocks.AddRange(BlockKitRenderer.Render(review).Blocks.Select(b => b!.DeepClone()));
        }

        blocks.Add(BlockElements.Context(SlackText.Escape("Type /feedback help to see everything I can do.")));
        return new JsonObject
        {
            ["type"] = "home",
            ["blocks"] = new JsonArray([.. blocks.Take(BlockKitLimits.ModalBlocks)]),
        };
    }
}
