using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>The thank-you that replaces a survey message for the person who answered it: what they said.</summary>
internal static class SurveyThanksBlocks
{
    private const int QuestionLength = 300;
    private const int AnswerLength = 1500;

    internal static SlackMessage Build(SurveyThanks thanks)
    {
        var blocks = new List<JsonNode>
        {
            BlockElements.Header("Thanks — your answers"),
            BlockElements.Context(SlackText.EscapeWithin(thanks.Title, BlockKitLimits.SectionText)),
        };
        var tail = thanks.Anonymous ? 1 : 0;
        if (thanks.Answers.Count == 0)
        {
            blocks.Add(BlockElements.Section("You left every question blank."));
        }
        else
        {
            var room = BlockKitLimits.MessageBlocks - blocks.Count - tail;
            var sections = (thanks.Answers.Count + BlockKitLimits.SectionFields - 1) / BlockKitLimits.SectionFields;
            var fits = sections <= room ? thanks.Answers.Count : (room - 1) * BlockKitLimits.SectionFields;
            foreach (var chunk in thanks.Answers.Take(fits).Chunk(BlockKitLimits.SectionFields))
            {
                blocks.Add(BlockElements.Fields(null, chunk.Select(Field)));
            }

            if (fits < thanks.Answers.Count)
            {
                blocks.Add(BlockElements.Context(string.Create(CultureInfo.InvariantCulture, $"and {thanks.Answers.Count - fits} more answers")));
            }
        }

        if (thanks.Anonymous)
        {
            blocks.Add(BlockElements.Context(SlackText.Escape(SurveyThanksCard.AnonymousLine)));
        }

        return BlockKitRenderer.Message($"Thanks for answering {thanks.Title}.", blocks);
    }

    private static string Field(SurveyAnswer answer) =>
        $"*{SlackText.EscapeWithin(answer.Question, QuestionLength)}*\n{SlackText.EscapeWithin(answer.Answer, AnswerLength)}";
}
