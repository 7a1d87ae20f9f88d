using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// The blocks and elements the bot uses. Plain text is cut to the limit of the place it goes; mrkdwn is passed in
/// already escaped (see <see cref="SlackText"/>) and marked verbatim, so Slack links no channel name or URL the bot
/// did not link itself.
/// </summary>
internal static class BlockElements
{
    internal static JsonObject PlainText(string text, int maxLength) => new()
    {
        ["type"] = "plain_text",
        ["text"] = CardMarkdown.Truncate(text.Length == 0 ? " " : text, maxLength),
        ["emoji"] = true,
    };

    internal static JsonObject Mrkdwn(string escaped) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = escaped,
        ["verbatim"] = true,
    };

    internal static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(text, BlockKitLimits.HeaderText),
    };

    internal static JsonObject Section(string escaped, string? blockId = null)
    {
        var section = new JsonObject
        {
            ["type"] = "section",
            ["text"] = Mrkdwn(escaped),
        };
        SetBlockId(section, blockId);
        return section;
    }

    internal static JsonObject Fields(string? escapedText, IEnumerable<string> escapedFields)
    {
        var section = new JsonObject { ["type"] = "section" };
        if (escapedText is not null)
        {
            section["text"] = Mrkdwn(escapedText);
        }

        section["fields"] = new JsonArray([.. escapedFields.Select(f => (JsonNode)Mrkdwn(f))]);
        return section;
    }

    internal static JsonObject Context(string escaped, string? blockId = null)
    {
        var context = new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(Mrkdwn(escaped)),
        };
        SetBlockId(context, blockId);
        return context;
    }

    internal static JsonObject Divider() => new() { ["type"] = "divider" };

    internal static JsonObject Actions(string blockId, params JsonObject[] elements) => new()
    {
        ["type"] = "actions",
        ["block_id"] = blockId,
        ["elements"] = new JsonArray(elements),
    };

    internal static JsonObject Button(string actionId, string text, string? value = null, Uri? url = null, string? style = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = PlainText(text, BlockKitLimits.ButtonText),
        };
        if (value is not null)
        {
            button["value"] = value;
        }

        if (url is not null)
        {
            button["url"] = url.AbsoluteUri;
        }

        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    internal static JsonObject Option(string value, string label) => new()
    {
        ["text"] = PlainText(label, BlockKitLimits.OptionText),
        ["value"] = value,
    };

    /// <summary>
    /// A select's options: a plain list up to Slack's limit, otherwise groups of at most that many each, so a long list
    /// stays whole.
    /// </summary>
    internal static void AddOptions(JsonObject select, IReadOnlyList<JsonObject> options)
    {
        if (options.Count <= BlockKitLimits.SelectOptions)
        {
            select["options"] = new JsonArray([.. options]);
            return;
        }

        var groups = new JsonArray();
        for (var start = 0; start < options.Count; start += BlockKitLimits.SelectOptions)
        {
            var group = options.Skip(start).Take(BlockKitLimits.SelectOptions).ToList();
            groups.Add(new JsonObject
            {
                ["label"] = PlainText(string.Create(CultureInfo.InvariantCulture, $"Options {start + 1}–{start + group.Count}"), BlockKitLimits.OptionText),
                ["options"] = new JsonArray([.. group]),
            });
        }

        select["option_groups"] = groups;
    }

    private static void SetBlockId(JsonObject block, string? blockId)
    {
        if (blockId is not null)
        {
            block["block_id"] = blockId;
        }
    }
}
