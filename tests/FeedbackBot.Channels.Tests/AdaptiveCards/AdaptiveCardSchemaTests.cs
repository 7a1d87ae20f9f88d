using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

/// <summary>The schema check refuses what Teams would refuse, so a card that passes it is one Teams can show.</summary>
public sealed class AdaptiveCardSchemaTests
{
    private static JsonObject Card(JsonArray body, JsonArray? actions = null, string version = "1.5")
    {
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = version,
            ["body"] = body,
        };
        if (actions is not null)
        {
            card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject Text(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    [Fact]
    public void Problems_ValidCard_None()
    {
        var card = Card(
            [Text("Hello"), new JsonObject { ["type"] = "Input.Text", ["id"] = "a", ["label"] = "A", ["isRequired"] = true, ["errorMessage"] = "Fill it in." }],
            [new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = "go", ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = "Go" } }]);

        Assert.Empty(AdaptiveCardSchema.Problems(card));
    }

    [Fact]
    public void Problems_OtherVersion_Refused()
    {
        Assert.Contains(AdaptiveCardSchema.Problems(Card([Text("Hi")], version: "1.6")), p => p.Contains("version", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_UnknownElementType_Refused()
    {
        var problems = AdaptiveCardSchema.Problems(Card([new JsonObject { ["type"] = "Input.Rating", ["id"] = "r" }]));

        Assert.Contains(problems, p => p.Contains("unknown element type 'Input.Rating'", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_MisspelledProperty_Refused()
    {
        var problems = AdaptiveCardSchema.Problems(Card([new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "c", ["isMultiselect"] = true, ["choices"] = new JsonArray(new JsonObject { ["title"] = "A", ["value"] = "a" }) }]));

        Assert.Contains(problems, p => p.Contains("'isMultiselect' is not a property here", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_TextBlockWithoutText_Refused()
    {
        Assert.Contains(AdaptiveCardSchema.Problems(Card([new JsonObject { ["type"] = "TextBlock" }])), p => p.Contains("'text' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_DuplicateInputIds_Refused()
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = "same" };

        Assert.Contains(AdaptiveCardSchema.Problems(Card([input, input.DeepClone()])), p => p.Contains("used twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ChoiceWithoutValue_Refused()
    {
        var choiceSet = new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "c", ["choices"] = new JsonArray(new JsonObject { ["title"] = "A" }) };

        Assert.Contains(AdaptiveCardSchema.Problems(Card([choiceSet])), p => p.Contains("'value' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_PreselectedValueNotAChoice_Refused()
    {
        var choiceSet = new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "c", ["value"] = "b", ["choices"] = new JsonArray(new JsonObject { ["title"] = "A", ["value"] = "a" }) };

        Assert.Contains(AdaptiveCardSchema.Problems(Card([choiceSet])), p => p.Contains("'b' is not one of the choices", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ActionWithoutTitle_Refused()
    {
        var problems = AdaptiveCardSchema.Problems(Card([Text("Hi")], [new JsonObject { ["type"] = "Action.Submit" }]));

        Assert.Contains(problems, p => p.Contains("'title' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_FallbackNamedAsString_Refused()
    {
        // The schema allows only "drop" or an action object; "Action.Submit" as a string is not an action.
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go", ["fallback"] = "Action.Submit" };

        Assert.Contains(AdaptiveCardSchema.Problems(Card([Text("Hi")], [action])), p => p.Contains("fallback", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_RequiredInputWithoutLabel_Refused()
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = "a", ["isRequired"] = true, ["errorMessage"] = "Fill it in." };

        Assert.Contains(AdaptiveCardSchema.Problems(Card([input])), p => p.Contains("needs a label", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_UnknownColour_Refused()
    {
        var text = Text("Hi");
        text["color"] = "red";

        Assert.Contains(AdaptiveCardSchema.Problems(Card([text])), p => p.Contains("color", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_OversizedCard_Refused()
    {
        var card = Card([Text(new string('x', 30 * 1024))]);

        Assert.Contains(AdaptiveCardSchema.Problems(card), p => p.Contains("larger than", StringComparison.Ordinal));
    }
}
