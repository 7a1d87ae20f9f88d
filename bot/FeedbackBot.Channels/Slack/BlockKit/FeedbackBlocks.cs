using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// The message that asks which feature logged customer feedback concerns, and its confirmation.
/// </summary>
/// <remarks>
/// A message, not a modal: a modal needs a trigger id, which slash commands and button clicks carry but mentions and
/// direct messages do not, so a modal would cost an extra "Open" button click there. In the message the person picks
/// the feature and presses Praise or Complaint; Slack sends the select's state with the button's action, so one click
/// logs it. The feedback text travels in each button's value, the only part of a message that comes back with a click.
/// </remarks>
internal static class FeedbackBlocks
{
    internal const string PraiseTitle = "Praise";
    internal const string ComplaintTitle = "Complaint";
    internal const string FeatureBlock = BlockKitActions.OwnBlockPrefix + "feedback.feature";
    internal const string KindBlock = BlockKitActions.OwnBlockPrefix + "feedback.kind";

    /// <summary>Long feedback is shown cut, as in Teams; the button values carry the whole text.</summary>
    private const int TextLength = 1500;

    internal static SlackMessage Prompt(FeedbackPrompt prompt)
    {
        var blocks = new List<JsonNode>
        {
            BlockElements.Header("Log customer feedback"),
            BlockElements.Section(Quote(CardMarkdown.Truncate(prompt.Text, TextLength))),
        };
        if (prompt.Error is { Length: > 0 } error)
        {
            blocks.Add(BlockElements.Context($":warning: {SlackText.EscapeWithin(error, BlockKitLimits.SectionText - 10)}"));
        }

        var value = ButtonValue(prompt.CardId, prompt.Text);
        if (value.Length > BlockKitLimits.ButtonValue)
        {
            blocks.Add(BlockElements.Context(SlackText.Escape(TooLong(prompt))));
            return BlockKitRenderer.Message(TooLong(prompt), blocks);
        }

        var select = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = BlockKitActions.FeedbackFeature,
            ["placeholder"] = BlockElements.PlainText("Choose a feature", BlockKitLimits.Placeholder),
        };
        BlockElements.AddOptions(select, [.. prompt.Features.Select(f => BlockElements.Option(f, FeedbackCards.FeatureName(f)))]);
        var question = BlockElements.Section("*Which service feature is it about?*", FeatureBlock);
        question["accessory"] = select;
        blocks.Add(question);
        blocks.Add(BlockElements.Section("*Was it praise or a complaint?*"));
        blocks.Add(BlockElements.Actions(
            KindBlock,
            BlockElements.Button(BlockKitActions.FeedbackPraise, PraiseTitle, value, style: "primary"),
            BlockElements.Button(BlockKitActions.FeedbackComplaint, ComplaintTitle, value, style: "danger")));
        return BlockKitRenderer.Message("Which service feature is this feedback about, and was it praise or a complaint?", blocks);
    }

    internal static SlackMessage Thanks(FeedbackThanks thanks)
    {
        var kind = thanks.Kind == FeedbackFields.Complaint ? ComplaintTitle : thanks.Kind == FeedbackFields.Praise ? PraiseTitle : thanks.Kind;
        var blocks = new List<JsonNode>
        {
            BlockElements.Header("Feedback logged"),
            BlockElements.Section(Quote(CardMarkdown.Truncate(thanks.Text, TextLength))),
            BlockElements.Fields(
                null,
                [
                    $"*Feature*\n{SlackText.EscapeWithin(FeedbackCards.FeatureName(thanks.Feature), 500)}",
                    $"*Kind*\n{SlackText.EscapeWithin(kind, 500)}",
                ]),
            BlockElements.Context("It counts as evidence in the next review."),
        };
        return BlockKitRenderer.Message($"Feedback logged under {FeedbackCards.FeatureName(thanks.Feature)}.", blocks);
    }

    internal static string ButtonValue(string cardId, string text) => cardId + BlockKitActions.ValueSeparator + text;

    private static string TooLong(FeedbackPrompt prompt) => string.Create(
        CultureInfo.InvariantCulture,
        $"This feedback is {prompt.Text.Length} characters long; Slack can log at most {BlockKitLimits.ButtonValue - prompt.CardId.Length - 1}. Log it in shorter parts.");

    /// <summary>
    /// The text as a Slack quote: every line marked (the marker is Slack's own markup, so it is not escaped), so a
    /// line break cannot end the quote early. A text of very many short lines is shown unquoted rather than cut.
    /// </summary>
    private static string Quote(string text)
    {
        var escaped = SlackText.EscapeWithin(text, BlockKitLimits.SectionText);
        var quoted = string.Join('\n', escaped.Split('\n').Select(line => "> " + line));
        return quoted.Length <= BlockKitLimits.SectionText ? quoted : escaped;
    }
}
