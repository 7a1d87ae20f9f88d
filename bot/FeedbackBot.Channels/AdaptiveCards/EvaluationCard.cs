using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// A QA evaluation as a card: the interaction and score, each criterion with its answer and comment, what went well
/// before what to improve, the agent's answer and the action plan; and, for the agent who has not answered yet, the
/// form to acknowledge or discuss it on the same card.
/// </summary>
internal static class EvaluationCard
{
    /// <summary>Long texts are shown cut on the card; the whole text stays stored.</summary>
    private const int TextLength = 2000;

    internal static JsonObject Build(EvaluationView view)
    {
        var body = new List<JsonNode>
        {
            CardElements.Heading(view.Title),
            CardElements.FactSet(Facts(view)),
            CardElements.TextBlock("What went well", weight: "bolder", separator: true),
            CardElements.TextBlock(CardMarkdown.Truncate(view.WentWell, TextLength)),
            CardElements.TextBlock("What to improve", weight: "bolder"),
            CardElements.TextBlock(CardMarkdown.Truncate(view.ToImprove, TextLength)),
            CardElements.TextBlock("Criteria", weight: "bolder", separator: true),
        };
        foreach (var line in view.Criteria)
        {
            var mark = line.Passed switch { true => "✓", false => "✗", null => "–" };
            body.Add(CardElements.TextBlock(
                $"{mark} {line.Criterion}{(line.Critical ? " (critical)" : "")}: {line.Answer}",
                color: line.Passed == false ? "attention" : null,
                spacing: "small"));
            if (line.Comment is { Length: > 0 } comment)
            {
                body.Add(CardElements.TextBlock(CardMarkdown.Truncate(comment, TextLength), subtle: true, spacing: "none"));
            }
        }

        if (view.Answer is { Length: > 0 } answer)
        {
            body.Add(CardElements.TextBlock("Answer", weight: "bolder", separator: true));
            body.Add(CardElements.TextBlock(CardMarkdown.Truncate(answer, TextLength)));
        }

        if (view.Reflection is { Length: > 0 } reflection)
        {
            body.Add(CardElements.TextBlock("Reflection", weight: "bolder"));
            body.Add(CardElements.TextBlock(CardMarkdown.Truncate(reflection, TextLength)));
        }

        if (view.Actions.Count > 0)
        {
            body.Add(CardElements.TextBlock("Action plan", weight: "bolder"));
            body.AddRange(view.Actions.Select(a => (JsonNode)CardElements.TextBlock(Step(a), spacing: "small")));
        }

        if (view.Note is { Length: > 0 } note)
        {
            body.Add(CardElements.TextBlock(note, subtle: true, separator: true));
        }

        if (view.Form is not { } form)
        {
            return AdaptiveCardFormat.Card($"{view.Title}: {view.ScoreText}.", body);
        }

        body.Add(CardElements.TextBlock(form.Title, weight: "bolder", separator: true));
        if (form.Intro is { Length: > 0 } intro)
        {
            body.Add(CardElements.TextBlock(intro, subtle: true));
        }

        body.AddRange(SurveyCard.Inputs(form));
        return AdaptiveCardFormat.Card($"{view.Title}: {view.ScoreText}.", body, [SurveyCard.Submit(form)]);
    }

    internal static IEnumerable<(string, string)> Facts(EvaluationView view)
    {
        yield return ("Agent", view.Agent);
        yield return ("Evaluator", view.Evaluator);
        yield return ("Scorecard", view.Scorecard);
        yield return ("Interaction", Interaction(view));
        yield return ("Score", view.ScoreText);
    }

    internal static string Interaction(EvaluationView view) => view.InteractionDate is { } date
        ? string.Create(CultureInfo.InvariantCulture, $"{view.Interaction} ({view.Channel}, {date:d MMM yyyy})")
        : $"{view.Interaction} ({view.Channel})";

    internal static string Step(CoachingStep step) => string.Create(
        CultureInfo.InvariantCulture,
        $"{step.What}, by {step.DueOn:d MMM yyyy}{(step.Support is { Length: > 0 } support ? $"; support: {support}" : "")} ({step.State})");
}
