using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// Improvement actions as a card: each with its status, due date (marked when overdue), what it is measured by and
/// its owner, and an Update button that asks for the form bringing it up to date.
/// </summary>
internal static class ActionListCard
{
    private const int TitleLength = 150;
    private const int TextLength = 300;

    internal static JsonObject Build(ActionList list)
    {
        var body = new List<JsonNode> { CardElements.Heading(CardMarkdown.Truncate(list.Title, TitleLength)) };
        if (list.Intro is { Length: > 0 } intro)
        {
            body.Add(CardElements.TextBlock(CardMarkdown.Truncate(intro, TextLength * 2), spacing: "none"));
        }

        foreach (var line in list.Actions.Take(ActionList.MaxActions))
        {
            var items = new List<JsonNode>
            {
                CardElements.TextBlock(CardMarkdown.Truncate($"{line.Number}. {line.Title}", TextLength), weight: "bolder"),
                CardElements.TextBlock(
                    CardMarkdown.Truncate($"{line.Status} · {line.Due} · owner: {line.Owner}", TextLength),
                    subtle: !line.Overdue,
                    color: line.Overdue ? "attention" : null,
                    spacing: "none"),
            };
            if (line.Detail is { Length: > 0 } detail)
            {
                items.Add(CardElements.TextBlock(CardMarkdown.Truncate(detail, TextLength), subtle: true, spacing: "none"));
            }

            if (line.Update is { } update)
            {
                items.Add(CardElements.FormButton(update));
            }

            body.Add(CardElements.Container(items, separator: true));
        }

        if (list.Note is { Length: > 0 } note)
        {
            body.Add(CardElements.TextBlock(CardMarkdown.Truncate(note, TextLength), subtle: true, separator: true));
        }

        return AdaptiveCardFormat.Card(
            list.Actions.Count == 0 ? list.Title : $"{list.Title}: {string.Join("; ", list.Actions.Take(ActionList.MaxActions).Select(a => $"{a.Number}. {a.Title} ({a.Status}, {a.Due})"))}",
            body);
    }
}
