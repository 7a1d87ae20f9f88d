using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>The thank-you that replaces a survey card for the person who answered it: what they said.</summary>
internal static class SurveyThanksCard
{
    internal const string AnonymousLine = "Your answers are stored without your name.";

    internal static JsonObject Build(SurveyThanks thanks)
    {
        var body = new List<JsonNode>
        {
            CardElements.Heading("Thanks — your answers"),
            CardElements.TextBlock(thanks.Title, subtle: true, spacing: "none"),
        };
        body.Add(thanks.Answers.Count > 0
            ? CardElements.FactSet(thanks.Answers.Select(a => (a.Question, a.Answer)))
            : CardElements.TextBlock("You left every question blank."));
        if (thanks.Anonymous)
        {
            body.Add(CardElements.TextBlock(AnonymousLine, subtle: true));
        }

        return AdaptiveCardFormat.Card($"Thanks for answering {thanks.Title}.", body);
    }
}
