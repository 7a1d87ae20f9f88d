using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.BotFramework;

namespace FeedbackBot.Channels.Playground;

/// <summary>
/// Web Chat 4.18 parses <c>Action.Execute</c> (Adaptive Cards 1.4 Universal Actions) but cannot perform it: a click
/// only logs "received unknown action" in the browser. So the playground shows cards as a client without Universal
/// Actions would: each <c>Action.Execute</c> becomes its <c>fallback</c> (removed for <c>"drop"</c>), or, without
/// one, an <c>Action.Submit</c> with the same title and data, plus the verb as <c>data.verb</c>. Its submission then
/// arrives as a message whose <c>value</c> holds the data and the inputs, as PROTOCOLS.md describes for Teams.
/// </summary>
public static class UniversalActionFallback
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private const string ExecuteType = "Action.Execute";

    /// <summary>The activity with every Adaptive Card attachment rewritten; the same instance when there is nothing to rewrite.</summary>
    public static Activity Apply(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Attachments is not { Count: > 0 } attachments
            || !attachments.Any(a => a.ContentType == AdaptiveCardContentType && a.Content is { ValueKind: JsonValueKind.Object }))
        {
            return activity;
        }

        return activity with
        {
            Attachments = attachments.Select(a => a.ContentType == AdaptiveCardContentType && a.Content is { ValueKind: JsonValueKind.Object } content
                ? a with { Content = JsonSerializer.SerializeToElement(Rewrite(JsonNode.Parse(content.GetRawText()))) }
                : a).ToList(),
        };
    }

    /// <summary>The node with Action.Execute replaced; null when the node is an action to drop.</summary>
    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when IsExecute(obj):
                return obj["fallback"] switch
                {
                    JsonObject fallback => Rewrite(fallback.DeepClone()),
                    JsonValue drop when drop.TryGetValue<string>(out var text) && text == "drop" => null,
                    _ => ToSubmit(obj),
                };
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonObject or JsonArray)
                    {
                        var rewritten = Rewrite(child);
                        if (rewritten is null)
                        {
                            obj.Remove(name);
                        }
                        else if (!ReferenceEquals(rewritten, child))
                        {
                            obj[name] = rewritten;
                        }
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    var child = array[i];
                    if (child is JsonObject or JsonArray)
                    {
                        var rewritten = Rewrite(child);
                        if (rewritten is null)
                        {
                            array.RemoveAt(i);
                        }
                        else if (!ReferenceEquals(rewritten, child))
                        {
                            array[i] = rewritten;
                        }
                    }
                }

                return array;
            default:
                return node;
        }
    }

    private static bool IsExecute(JsonObject obj) =>
        obj["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == ExecuteType;

    private static JsonObject ToSubmit(JsonObject execute)
    {
        var submit = new JsonObject();
        foreach (var (name, value) in execute)
        {
            if (name is not ("type" or "verb" or "fallback" or "data"))
            {
                submit[name] = value?.DeepClone();
            }
        }

        var data = execute["data"] is JsonObject given ? (JsonObject)given.DeepClone() : [];
        if (execute["verb"] is JsonValue verb && !data.ContainsKey("verb"))
        {
            data["verb"] = verb.DeepClone();
        }

        submit["type"] = "Action.Submit";
        submit["data"] = data;
        return submit;
    }
}
