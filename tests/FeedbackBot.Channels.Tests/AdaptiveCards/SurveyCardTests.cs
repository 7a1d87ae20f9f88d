using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

public sealed class SurveyCardTests
{
    private static JsonObject Render(SurveyPrompt prompt)
    {
        var card = AdaptiveCardRenderer.Render(prompt).Card!;
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    [Fact]
    public void Render_SurveyPrompt_IsAnAdaptiveCard15Attachment()
    {
        var reply = AdaptiveCardRenderer.Render(CardSamples.Survey());

        var attachment = reply.ToAttachment()!;
        Assert.Null(reply.Text);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var content = attachment.Content!.Value;
        Assert.Equal("AdaptiveCard", content.GetProperty("type").GetString());
        Assert.Equal("1.5", content.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", content.GetProperty("$schema").GetString());
        AdaptiveCardSchema.AssertValid(JsonNode.Parse(content.GetRawText()));
    }

    [Fact]
    public void Render_SurveyPrompt_OneLabelledInputPerQuestionWithRequiredMarked()
    {
        var prompt = CardSamples.Survey();

        var card = Render(prompt);

        var inputs = CardQuery.Inputs(card);
        Assert.Equal(prompt.Questions.Select(q => q.Id), inputs.Select(i => (string)i["id"]!));
        Assert.Equal(prompt.Questions.Select(q => q.Text), inputs.Select(i => (string)i["label"]!));
        Assert.Equal(prompt.Questions.Select(q => q.Required), inputs.Select(i => (bool)i["isRequired"]!));
        Assert.All(inputs, i => Assert.False(string.IsNullOrWhiteSpace((string?)i["errorMessage"])));
        Assert.Equal("Choose a number from 0 to 10.", (string?)CardQuery.Input(card, "nps")["errorMessage"]);
    }

    [Theory]
    [InlineData("sat", "expanded", 5)]
    [InlineData("nps", "expanded", 11)]
    [InlineData("effort", "expanded", 7)]
    [InlineData("resolved", "expanded", 2)]
    [InlineData("channel", "compact", 3)]
    [InlineData("topics", "expanded", 3)]
    public void Render_ChoiceQuestion_ChoiceSetWithEveryChoice(string id, string style, int choices)
    {
        var input = CardQuery.Input(Render(CardSamples.Survey()), id);

        Assert.Equal("Input.ChoiceSet", (string?)input["type"]);
        Assert.Equal(style, (string?)input["style"]);
        Assert.Equal(choices, input["choices"]!.AsArray().Count);
        Assert.Equal(id == "topics", (bool?)input["isMultiSelect"] ?? false);
    }

    [Fact]
    public void Render_YesNoQuestion_ChoicesReadYesAndNo()
    {
        var choices = CardQuery.Input(Render(CardSamples.Survey()), "resolved")["choices"]!.AsArray();

        Assert.Equal(["Yes", "No"], choices.Select(c => (string)c!["title"]!));
        Assert.Equal(["yes", "no"], choices.Select(c => (string)c!["value"]!));
    }

    [Fact]
    public void Render_TextQuestion_MultilineTextWithMaxLength()
    {
        var input = CardQuery.Input(Render(CardSamples.Survey()), "comment");

        Assert.Equal("Input.Text", (string?)input["type"]);
        Assert.True((bool)input["isMultiline"]!);
        Assert.Equal(4000, (int)input["maxLength"]!);
    }

    [Fact]
    public void Render_PromptWithValues_InputsShowThemAgain()
    {
        var values = CardSamples.Answers();
        values["topics"] = "billing;returns";

        var card = Render(CardSamples.Survey(values));

        Assert.Equal("4", (string?)CardQuery.Input(card, "sat")["value"]);
        Assert.Equal("yes", (string?)CardQuery.Input(card, "resolved")["value"]);
        Assert.Equal("billing,returns", (string?)CardQuery.Input(card, "topics")["value"]);
        Assert.Equal("Quick and kind.", (string?)CardQuery.Input(card, "comment")["value"]);
    }

    [Fact]
    public void Render_RefusedValue_NotSelectedAndErrorRightUnderItsInput()
    {
        var values = new Dictionary<string, string> { ["sat"] = "9", ["nps"] = "8" };
        var errors = new Dictionary<string, string> { ["sat"] = "Choose a number from 1 to 5." };

        var card = Render(CardSamples.Survey(values, errors));

        var elements = CardQuery.Elements(card);
        var sat = elements.FindIndex(e => (string?)e["id"] == "sat");
        var error = elements[sat + 1];
        Assert.Null(elements[sat]["value"]);
        Assert.Equal("8", (string?)CardQuery.Input(card, "nps")["value"]);
        Assert.Equal("TextBlock", (string?)error["type"]);
        Assert.Equal("Choose a number from 1 to 5.", (string?)error["text"]);
        Assert.Equal("attention", (string?)error["color"]);
        Assert.Single(CardQuery.TextBlocks(card), t => (string?)t["color"] == "attention");
    }

    [Fact]
    public void Render_SurveyPrompt_SubmitIsUniversalActionWithHiddenFieldsAndSubmitFallback()
    {
        var card = Render(CardSamples.Survey());

        var submit = Assert.Single(CardQuery.Actions(card));
        Assert.Equal("Action.Execute", (string?)submit["type"]);
        Assert.Equal("Submit", (string?)submit["title"]);
        Assert.Equal(Verbs.SubmitSurvey, (string?)submit["verb"]);
        var data = submit["data"]!.AsObject();
        Assert.Equal("customer-experience", (string?)data[Verbs.PlanField]);
        Assert.Equal("cycle-2026-10-12", (string?)data[Verbs.CycleField]);
        Assert.Equal("card-7", (string?)data[Verbs.CardField]);
        var fallback = submit["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        Assert.Equal("Submit", (string?)fallback["title"]);
        Assert.Equal("card-7", (string?)fallback["data"]![Verbs.CardField]);
    }

    [Fact]
    public void Render_StaffSurvey_TitleThenAnonymityIntro()
    {
        var card = Render(CardSamples.Survey(intro: "Your answers are anonymous."));

        Assert.Equal(["Customer experience", "Your answers are anonymous."], CardQuery.Texts(card).Take(2));
    }

    [Fact]
    public void Render_SurveyTitleWithMarkdown_Escaped()
    {
        var card = Render(CardSamples.Survey() with { Title = "**Pulse** [v2](http://x)" });

        Assert.Equal(@"\*\*Pulse\*\* \[v2\](http://x)", CardQuery.Texts(card)[0]);
    }

    [Fact]
    public void Render_SurveyPrompt_SerialisesWithoutNulls()
    {
        var json = JsonSerializer.Serialize(AdaptiveCardRenderer.Render(CardSamples.Survey()).Card);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }
}
