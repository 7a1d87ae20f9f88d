using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// Improvement actions as a Slack message, reading as the Teams card does: one section per action with an Update
/// button beside it that opens the update form in a modal.
/// </summary>
internal static class ActionListBlocks
{
    private const int TitleLength = 150;
    private const int TextLength = 300;

    internal static SlackMessage Build(ActionList list)
    {
        var blocks = new List<JsonNode> { BlockElements.Header(CardMarkdown.Truncate(list.Title, TitleLength)) };
        if (list.Intro is { Length: > 0 } intro)
        {
            blocks.Add(BlockElements.Section(SlackText.EscapeWithin(intro, TextLength * 2)));
        }

        foreach (var line in list.Actions.Take(ActionList.MaxActions))
        {
            var marker = line.Overdue ? ":warning: " : string.Empty;
            var text = $"*{SlackText.EscapeWithin($"{line.Number}. {line.Title}", TextLength)}*\n" +
                $"{marker}{SlackText.EscapeWithin($"{line.Status} · {line.Due} · owner: {line.Owner}", TextLength)}" +
                (line.Detail is { Length: > 0 } detail ? $"\n_{SlackText.EscapeWithin(detail, TextLength)}_" : string.Empty);
            var section = BlockElements.Section(text, string.Create(CultureInfo.InvariantCulture, $"{BlockKitActions.OwnBlockPrefix}action{line.Number}"));
            if (line.Update is { } update)
            {
                section["accessory"] = FormButtons.Button(update);
            }

            blocks.Add(section);
        }

        if (list.Note is { Length: > 0 } note)
        {
            blocks.Add(BlockElements.Context(SlackText.EscapeWithin(note, TextLength)));
        }

        var fallback = list.Actions.Count == 0
            ? list.Title
            : $"{list.Title}: {string.Join("; ", list.Actions.Take(ActionList.MaxActions).Select(a => $"{a.Number}. {a.Title} ({a.Status}, {a.Due})"))}";
        return BlockKitRenderer.Message(fallback, blocks);
    }
}
