using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// A QA evaluation as a Slack message, reading as its Teams card does. The agent's answer form cannot live in a
/// message (Slack marks inputs required and shows errors only in modals), so the message carries a button that opens
/// it in a modal, as a pulse does.
/// </summary>
internal static class EvaluationBlocks
{
    internal static SlackMessage Build(EvaluationView view)
    {
        var blocks = new List<JsonNode>
        {
            BlockElements.Header(view.Title),
            BlockElements.Fields(null, EvaluationCard.Facts(view).Select(f => $"*{f.Item1}*\n{SlackText.EscapeWithin(f.Item2, 500)}")),
            BlockElements.Section("*What went well*\n" + SlackText.EscapeWithin(view.WentWell, BlockKitLimits.SectionText - 20)),
            BlockElements.Section("*What to improve*\n" + SlackText.EscapeWithin(view.ToImprove, BlockKitLimits.SectionText - 20)),
        };
        var lines = view.Criteria.Select(line =>
        {
            var mark = line.Passed switch { true => ":white_check_mark:", false => ":x:", null => ":heavy_minus_sign:" };
            var text = $"{mark} {SlackText.EscapeWithin(line.Criterion, 300)}{(line.Critical ? " (critical)" : "")}: *{SlackText.Escape(line.Answer)}*";
            return line.Comment is { Length: > 0 } comment ? $"{text}\n      _{SlackText.EscapeWithin(comment, 400)}_" : text;
        });
        foreach (var piece in SlackText.Split("*Criteria*\n" + string.Join('\n', lines), BlockKitLimits.SectionText))
        {
            blocks.Add(BlockElements.Section(piece));
        }

        if (view.Answer is { Length: > 0 } answer)
        {
            blocks.Add(BlockElements.Section("*Answer*\n" + SlackText.EscapeWithin(answer, BlockKitLimits.SectionText - 20)));
        }

        if (view.Reflection is { Length: > 0 } reflection)
        {
            blocks.Add(BlockElements.Section("*Reflection*\n" + SlackText.EscapeWithin(reflection, BlockKitLimits.SectionText - 20)));
        }

        if (view.Actions.Count > 0)
        {
            blocks.Add(BlockElements.Section("*Action plan*\n" + SlackText.EscapeWithin(string.Join('\n', view.Actions.Select(EvaluationCard.Step)), BlockKitLimits.SectionText - 20)));
        }

        if (view.Note is { Length: > 0 } note)
        {
            blocks.Add(BlockElements.Context(SlackText.EscapeWithin(note, BlockKitLimits.SectionText)));
        }

        if (view.Form is { } form)
        {
            blocks.Add(SurveyMessage.OpenButton(form));
        }

        return BlockKitRenderer.Message($"{view.Title}: {view.ScoreText}.", blocks.Take(BlockKitLimits.MessageBlocks));
    }
}
