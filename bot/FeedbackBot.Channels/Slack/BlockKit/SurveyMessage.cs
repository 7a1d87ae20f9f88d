using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// A pulse survey as a message: what it is and how long, and an "Answer" button that opens the questions in a
/// modal. Slack messages cannot mark inputs required or show an error beside one; modals can.
/// </summary>
internal static class SurveyMessage
{
    internal const string AnswerTitle = "Answer";

    internal static SlackMessage Build(SurveyPrompt prompt)
    {
        var blocks = new List<JsonNode> { BlockElements.Header(prompt.Title) };
        if (prompt.Intro is { Length: > 0 } intro)
        {
            blocks.Add(BlockElements.Section(SlackText.EscapeWithin(intro, BlockKitLimits.SectionText)));
        }

        blocks.Add(BlockElements.Context(SlackText.Escape(Size(prompt))));
        blocks.Add(OpenButton(prompt));
        return BlockKitRenderer.Message($"{prompt.Title}: {Size(prompt)}. Press {prompt.OpenTitle} to fill it in.", blocks);
    }

    /// <summary>The button that opens the form in a modal: its action id is the form's open verb.</summary>
    internal static JsonObject OpenButton(SurveyPrompt prompt) => BlockElements.Actions(
        BlockKitActions.OwnBlockPrefix + "survey",
        BlockElements.Button(Verbs.OpenVerbFor(prompt.Verb), prompt.OpenTitle, SurveyHidden.Write(prompt), style: "primary"));

    internal static string Size(SurveyPrompt prompt)
    {
        var count = prompt.Questions.Count;
        var required = prompt.Questions.Count(q => q.Required);
        var questions = count == 1 ? "1 question" : string.Create(CultureInfo.InvariantCulture, $"{count} questions");
        return required switch
        {
            0 => $"{questions}, all optional",
            _ when required == count => count == 1 ? $"{questions}, required" : $"{questions}, all required",
            _ => string.Create(CultureInfo.InvariantCulture, $"{questions}, {required} required"),
        };
    }
}
