using System.Text.Json.Nodes;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// A reply as Slack shows it: the blocks, and the plain text Slack uses for notifications, screen readers and clients
/// that cannot draw blocks. A class, not a record: blocks are a mutable JSON tree, so two messages are never "equal"
/// by value.
/// </summary>
public sealed class SlackMessage
{
    internal SlackMessage(string text, JsonArray blocks)
    {
        Text = text;
        Blocks = blocks;
    }

    /// <summary>The fallback text, already escaped for Slack.</summary>
    public string Text { get; }

    /// <summary>The Block Kit blocks.</summary>
    public JsonArray Blocks { get; }

    /// <summary>The message as the body of <c>chat.postMessage</c> or <c>chat.update</c>, without the channel.</summary>
    public JsonObject ToJson() => new()
    {
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
    };
}
