using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

/// <summary>
/// Does what a Teams client does when someone fills in a card and presses its button: gathers the inputs by id and
/// merges them into the action's data, delivering an <c>Action.Execute</c> as an invoke value and an
/// <c>Action.Submit</c> (the fallback of older clients) as a message value.
/// </summary>
internal static class TeamsClient
{
    /// <summary>The invoke value of pressing the card's first action.</summary>
    public static JsonElement Execute(JsonObject card, IReadOnlyDictionary<string, string> inputs)
    {
        var action = CardQuery.Actions(card)[0];
        Assert.Equal("Action.Execute", (string?)action["type"]);
        var value = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = (string?)action["verb"],
                ["data"] = Merge(card, action, inputs),
            },
            ["trigger"] = "manual",
        };
        return JsonSerializer.SerializeToElement(value);
    }

    /// <summary>The message value of pressing the first action's <c>Action.Submit</c> fallback.</summary>
    public static JsonElement Submit(JsonObject card, IReadOnlyDictionary<string, string> inputs)
    {
        var fallback = CardQuery.Actions(card)[0]["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        return JsonSerializer.SerializeToElement(Merge(card, fallback, inputs));
    }

    private static JsonObject Merge(JsonObject card, JsonObject action, IReadOnlyDictionary<string, string> inputs)
    {
        var ids = CardQuery.Inputs(card).Select(i => (string)i["id"]!).ToHashSet(StringComparer.Ordinal);
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (id, value) in inputs)
        {
            Assert.Contains(id, ids);
            data[id] = value;
        }

        return data;
    }
}
