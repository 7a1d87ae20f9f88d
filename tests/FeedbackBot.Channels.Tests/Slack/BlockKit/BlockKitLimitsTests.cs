using System.Text.Json.Nodes;
using FeedbackBot.Channels.Slack.BlockKit;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

public sealed class BlockKitLimitsTests
{
    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(text) };

    private static JsonObject Message(params JsonNode[] blocks) => new() { ["text"] = "fallback", ["blocks"] = new JsonArray(blocks) };

    private static JsonObject Options(string type, int count, string? initial = null)
    {
        var element = new JsonObject
        {
            ["type"] = type,
            ["action_id"] = "a",
            ["options"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["text"] = Plain($"o{i}"), ["value"] = $"v{i}" })]),
        };
        if (initial is not null)
        {
            element["initial_option"] = new JsonObject { ["text"] = Plain(initial), ["value"] = initial };
        }

        return element;
    }

    private static JsonObject Input(JsonObject element, string blockId = "q") => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["label"] = Plain("Question"),
        ["element"] = element,
    };

    private static JsonObject Modal(params JsonNode[] blocks) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = "survey.submit",
        ["title"] = Plain("Survey"),
        ["submit"] = Plain("Submit"),
        ["blocks"] = new JsonArray(blocks),
    };

    [Fact]
    public void Check_GoodMessageAndModal_NoProblems()
    {
        var message = Message(Section("Hello"), new JsonObject { ["type"] = "divider" });
        var modal = Modal(Input(Options("radio_buttons", 10, initial: "v3")));

        Assert.Empty(BlockKitLimits.Check(message));
        Assert.Empty(BlockKitLimits.Check(modal));
    }

    [Fact]
    public void Check_FiftyOneBlocksInAMessage_TooManyBlocks()
    {
        var message = Message([.. Enumerable.Range(0, 51).Select(_ => (JsonNode)Section("x"))]);

        Assert.Equal(["blocks: 51 blocks; at most 50"], BlockKitLimits.Check(message));
    }

    [Fact]
    public void Check_HundredBlocksInAModal_AcceptedButNotHundredAndOne()
    {
        Assert.Empty(BlockKitLimits.Check(Modal([.. Enumerable.Range(0, 100).Select(_ => (JsonNode)Section("x"))])));
        Assert.Equal(["blocks: 101 blocks; at most 100"], BlockKitLimits.Check(Modal([.. Enumerable.Range(0, 101).Select(_ => (JsonNode)Section("x"))])));
    }

    [Fact]
    public void Check_LongSectionTextAndTooManyFields_BothReported()
    {
        var fields = new JsonObject { ["type"] = "section", ["fields"] = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode)Mrkdwn("f"))]) };
        fields["fields"]![0] = Mrkdwn(new string('f', 2001));

        var problems = BlockKitLimits.Check(Message(Section(new string('x', 3001)), fields));

        Assert.Equal(
            [
                "blocks[0].text.text: 3001 characters; at most 3000",
                "blocks[1].fields: 11 fields; at most 10",
                "blocks[1].fields[0].text: 2001 characters; at most 2000",
            ],
            problems);
    }

    [Fact]
    public void Check_BadButton_TextValueAndIdsReported()
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = new string('a', 256),
            ["text"] = Plain(new string('b', 76)),
            ["value"] = new string('v', 2001),
        };
        var actions = new JsonObject { ["type"] = "actions", ["block_id"] = new string('k', 256), ["elements"] = new JsonArray(button) };

        var problems = BlockKitLimits.Check(Message(actions));

        Assert.Equal(
            [
                "blocks[0].block_id: 256 characters; at most 255",
                "blocks[0].elements[0].action_id: 256 characters; at most 255",
                "blocks[0].elements[0].text.text: 76 characters; at most 75",
                "blocks[0].elements[0].value: 2001 characters; at most 2000",
            ],
            problems);
    }

    [Fact]
    public void Check_TwentySixButtons_TooManyElements()
    {
        var buttons = Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["type"] = "button", ["action_id"] = $"b{i}", ["text"] = Plain("ok") });

        var problems = BlockKitLimits.Check(Message(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. buttons]) }));

        Assert.Equal(["blocks[0].elements: 26 elements; at most 25"], problems);
    }

    [Fact]
    public void Check_TooManyOptions_ReportedPerElementType()
    {
        var modal = Modal(
            Input(Options("radio_buttons", 11), "a"),
            Input(Options("checkboxes", 11), "b"),
            Input(Options("static_select", 101), "c"),
            Input(Options("multi_static_select", 100), "d"));

        Assert.Equal(
            [
                "blocks[0].element.options: 11 options; at most 10",
                "blocks[1].element.options: 11 options; at most 10",
                "blocks[2].element.options: 101 options; at most 100",
            ],
            BlockKitLimits.Check(modal));
    }

    [Fact]
    public void Check_ModalWithLongTitleAndInputsButNoSubmit_BothReported()
    {
        var modal = Modal(Input(new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "a" }));
        modal.Remove("submit");
        modal["title"] = Plain("A title longer than twenty-four");

        Assert.Equal(
            ["title.text: 31 characters; at most 24", "submit: missing; a modal with inputs needs one"],
            BlockKitLimits.Check(modal));
    }

    [Fact]
    public void Check_InitialOptionNotOffered_Reported()
    {
        Assert.Equal(
            ["blocks[0].element: initial option \"nope\" is not one of the options"],
            BlockKitLimits.Check(Modal(Input(Options("radio_buttons", 3, initial: "nope")))));
    }

    [Fact]
    public void Check_DuplicateBlockIdsAndLongOptionTexts_Reported()
    {
        var select = Options("static_select", 1);
        select["options"]![0]!["text"] = Plain(new string('o', 76));
        select["options"]![0]!["value"] = new string('v', 151);

        var problems = BlockKitLimits.Check(Modal(Input(select, "same"), Input(Options("radio_buttons", 2), "same")));

        Assert.Equal(
            [
                "blocks[0].element.options[0].text.text: 76 characters; at most 75",
                "blocks[0].element.options[0].value: 151 characters; at most 150",
                "blocks[1].block_id: \"same\" is used twice",
            ],
            problems);
    }

    [Fact]
    public void Check_MrkdwnWherePlainTextIsRequiredAndEmptyText_Reported()
    {
        var header = new JsonObject { ["type"] = "header", ["text"] = Mrkdwn(string.Empty) };

        Assert.Equal(
            ["blocks[0].text.type: \"mrkdwn\"; expected plain_text", "blocks[0].text.text: empty"],
            BlockKitLimits.Check(Message(header)));
    }

    [Fact]
    public void Check_OptionGroupsBeyondLimits_Reported()
    {
        var group = new JsonObject
        {
            ["label"] = Plain("Group"),
            ["options"] = Options("static_select", 101)["options"]!.DeepClone(),
        };
        var select = new JsonObject { ["type"] = "static_select", ["action_id"] = "a", ["option_groups"] = new JsonArray(group) };

        Assert.Equal(["blocks[0].element.option_groups[0].options: 101 options; at most 100"], BlockKitLimits.Check(Modal(Input(select))));
    }

    [Fact]
    public void Check_TextInputLongerThanSlackAllows_Reported()
    {
        var input = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "a", ["max_length"] = 4000 };

        Assert.Equal(["blocks[0].element.max_length: 4000; at most 3000"], BlockKitLimits.Check(Modal(Input(input))));
    }

    [Fact]
    public void Check_PrivateMetadataTooLong_Reported()
    {
        var modal = Modal(Section("x"));
        modal["private_metadata"] = new string('m', 3001);

        Assert.Equal(["private_metadata: 3001 characters; at most 3000"], BlockKitLimits.Check(modal));
    }
}
