using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>The card that asks which feature logged customer feedback concerns, and its confirmation.</summary>
internal static class FeedbackCards
{
    internal const string SubmitTitle = "Save feedback";

    /// <summary>Long feedback is shown cut; the stored text is the whole message, which the card never carries.</summary>
    private const int TextLength = 1500;

    internal static JsonObject Prompt(FeedbackPrompt prompt)
    {
        var body = new List<JsonNode>
        {
            CardElements.Heading("Log customer feedback"),
            CardElements.Container([CardElements.TextBlock($"“{CardMarkdown.Truncate(prompt.Text, TextLength)}”")], style: "emphasis"),
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = FeedbackFields.Feature,
                ["label"] = "Which service feature is it about?",
                ["style"] = "compact",
                ["placeholder"] = "Choose a feature",
                ["isRequired"] = true,
                ["errorMessage"] = "Choose the feature the feedback is about.",
                ["choices"] = new JsonArray([.. prompt.Features.Select(f => (JsonNode)CardElements.Choice(f, FeatureName(f)))]),
            },
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = FeedbackFields.Kind,
                ["label"] = "Was it praise or a complaint?",
                ["style"] = "expanded",
                ["isRequired"] = true,
                ["errorMessage"] = "Choose praise or complaint.",
                ["choices"] = new JsonArray(
                    CardElements.Choice(FeedbackFields.Praise, "Praise"),
                    CardElements.Choice(FeedbackFields.Complaint, "Complaint")),
            },
        };
        if (prompt.Error is { Length: > 0 } error)
        {
            body.Add(CardElements.TextBlock(error, color: "attention"));
        }

        var save = CardElements.Execute(SubmitTitle, Verbs.SubmitFeedback, [new(Verbs.CardField, prompt.CardId), new(Verbs.TextField, prompt.Text)]);
        return AdaptiveCardFormat.Card("Which service feature is this feedback about? This card needs a newer version of the app.", body, [save]);
    }

    internal static JsonObject Thanks(FeedbackThanks thanks)
    {
        var body = new List<JsonNode>
        {
            CardElements.Heading("Feedback logged"),
            CardElements.FactSet(
            [
                ("Feedback", CardMarkdown.Truncate(thanks.Text, TextLength)),
                ("Feature", FeatureName(thanks.Feature)),
                ("Kind", thanks.Kind == FeedbackFields.Complaint ? "Complaint" : thanks.Kind == FeedbackFields.Praise ? "Praise" : thanks.Kind),
            ]),
            CardElements.TextBlock("It counts as evidence in the next review.", subtle: true),
        };
        return AdaptiveCardFormat.Card($"Feedback logged under {FeatureName(thanks.Feature)}.", body);
    }

    /// <summary>A feature id as it reads: "first_contact" is "First contact".</summary>
    internal static string FeatureName(string feature)
    {
        var words = feature.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? feature : string.Concat(char.ToUpperInvariant(words[0]).ToString(), words.AsSpan(1));
    }
}
