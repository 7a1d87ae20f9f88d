using System.Text.Json.Nodes;
using FeedbackBot.Testing.Slack;

namespace FeedbackBot.Tests.Adapters.Slack;

/// <summary>The interaction payloads Slack sends when someone presses one of the bot's buttons or submits its modal.</summary>
internal static class SlackPayloads
{
    /// <summary>The <c>block_actions</c> of <paramref name="user"/> pressing <paramref name="button"/> in a message of <paramref name="channel"/>.</summary>
    public static JsonObject Press(string user, string channel, string messageTs, JsonNode button, string triggerId) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = Name(user), ["name"] = Name(user), ["team_id"] = SlackRig.TeamId },
        ["api_app_id"] = FakeSlackWebApi.AppId,
        ["team"] = new JsonObject { ["id"] = SlackRig.TeamId, ["domain"] = "example" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["trigger_id"] = triggerId,
        ["response_url"] = "https://hooks.slack.invalid/actions/T0TEAM0001/1/abc",
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["action_id"] = (string?)button["action_id"],
                ["block_id"] = "_survey",
                ["type"] = "button",
                ["value"] = (string?)button["value"],
                ["action_ts"] = "1732540001.000300",
            },
        },
    };

    /// <summary>The <c>view_submission</c> of <paramref name="user"/> submitting <paramref name="view"/> with each input's state.</summary>
    public static JsonObject Submit(string user, JsonObject view, IReadOnlyDictionary<string, JsonObject> answers, string viewId = "V0SURVEY01")
    {
        var values = new JsonObject();
        foreach (var (input, state) in answers)
        {
            values[input] = new JsonObject { ["answer"] = state };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackRig.TeamId, ["domain"] = "example" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = Name(user), ["name"] = Name(user), ["team_id"] = SlackRig.TeamId },
            ["api_app_id"] = FakeSlackWebApi.AppId,
            ["trigger_id"] = "trigger-submit",
            ["view"] = new JsonObject
            {
                ["id"] = viewId,
                ["type"] = "modal",
                ["callback_id"] = (string?)view["callback_id"],
                ["private_metadata"] = (string?)view["private_metadata"],
                ["hash"] = "1732540002.abcdef",
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
    }

    /// <summary>A text box's state.</summary>
    public static JsonObject Typed(string value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    /// <summary>A single choice's state, from radio buttons or a drop-down.</summary>
    public static JsonObject Chosen(string value, string type = "radio_buttons") => new()
    {
        ["type"] = type,
        ["selected_option"] = new JsonObject { ["value"] = value, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value } },
    };

    private static string Name(string user) => user == SlackRig.AdminId ? "ada" : "sam";
}
