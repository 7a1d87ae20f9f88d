using System.Globalization;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Channels.Tests.Slack.BlockKit;

public sealed class SurveyModalTests
{
    [Fact]
    public void SurveyModal_Survey_ModalWithSubmitCloseCallbackAndHiddenFields()
    {
        var view = BlockKitRenderer.SurveyModal(CardSamples.Survey(intro: "Anonymous <really>"));

        Assert.Equal("modal", (string?)view["type"]);
        Assert.Equal(Verbs.SubmitSurvey, (string?)view["callback_id"]);
        Assert.Equal("""{"_plan":"customer-experience","_cycle":"cycle-2026-10-12","_card":"card-7"}""", (string?)view["private_metadata"]);
        Assert.Equal("Customer experience", (string?)view["title"]!["text"]);
        Assert.Equal("Submit", (string?)view["submit"]!["text"]);
        Assert.Equal("Cancel", (string?)view["close"]!["text"]);
        Assert.Contains("Anonymous &lt;really&gt;", SlackQuery.Texts(view), StringComparer.Ordinal);
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Theory]
    [InlineData("sat", "radio_buttons", 5)]
    [InlineData("nps", "static_select", 11)]
    [InlineData("effort", "radio_buttons", 7)]
    [InlineData("resolved", "radio_buttons", 2)]
    [InlineData("channel", "radio_buttons", 3)]
    [InlineData("topics", "checkboxes", 3)]
    public void SurveyModal_ChoiceQuestion_ElementForItsTypeWithEveryChoice(string question, string element, int choices)
    {
        var view = BlockKitRenderer.SurveyModal(CardSamples.Survey());

        var input = SlackQuery.Input(view, question);
        Assert.Equal(element, (string?)input["element"]!["type"]);
        Assert.Equal(BlockKitActions.Answer, (string?)input["element"]!["action_id"]);
        Assert.Equal(choices, SlackQuery.Options(input["element"]!.AsObject()).Count);
    }

    [Fact]
    public void SurveyModal_Nps_ZeroToTenInOrder()
    {
        var input = SlackQuery.Input(BlockKitRenderer.SurveyModal(CardSamples.Survey()), "nps");

        Assert.Equal(
            Enumerable.Range(0, 11).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            SlackQuery.Options(input["element"]!.AsObject()).Select(o => (string)o["value"]!));
    }

    [Fact]
    public void SurveyModal_TextQuestion_MultilinePlainTextInputWithinSlacksLength()
    {
        var input = SlackQuery.Input(BlockKitRenderer.SurveyModal(CardSamples.Survey()), "comment");

        Assert.Equal("Anything else?", (string?)input["label"]!["text"]);
        Assert.Equal("plain_text_input", (string?)input["element"]!["type"]);
        Assert.True((bool)input["element"]!["multiline"]!);
        Assert.Equal(BlockKitLimits.TextInputLength, (int)input["element"]!["max_length"]!);
    }

    [Fact]
    public void SurveyModal_RequiredAndOptionalQuestions_OptionalFlagMatches()
    {
        var view = BlockKitRenderer.SurveyModal(CardSamples.Survey());

        var optional = SlackQuery.Blocks(view)
            .Where(b => (string?)b["type"] == "input")
            .ToDictionary(b => (string)b["block_id"]!, b => (bool)b["optional"]!);
        Assert.Equal(
            new Dictionary<string, bool>
            {
                ["sat"] = false,
                ["nps"] = false,
                ["effort"] = true,
                ["resolved"] = false,
                ["channel"] = true,
                ["topics"] = true,
                ["comment"] = true,
            },
            optional);
    }

    [Fact]
    public void SurveyModal_ElevenOptions_SelectsInsteadOfRadioButtonsAndCheckboxes()
    {
        var options = Enumerable.Range(1, 11).Select(i => new SurveyChoice($"o{i}", $"Option {i}")).ToList();
        var prompt = CardSamples.Survey() with
        {
            Questions =
            [
                new("one", "Pick one", QuestionType.Choice, true, options, false, null),
                new("many", "Pick any", QuestionType.MultiChoice, false, options, true, null),
            ],
        };

        var view = BlockKitRenderer.SurveyModal(prompt);

        Assert.Equal("static_select", (string?)SlackQuery.Input(view, "one")["element"]!["type"]);
        Assert.Equal("multi_static_select", (string?)SlackQuery.Input(view, "many")["element"]!["type"]);
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public void SurveyModal_PreviousValues_SelectedAgainExceptRefusedOnes()
    {
        var values = new Dictionary<string, string>
        {
            ["sat"] = "4",
            ["nps"] = "12",
            ["resolved"] = "yes",
            ["topics"] = "billing;returns,nonsense",
            ["comment"] = "Kind <people>",
        };

        var view = BlockKitRenderer.SurveyModal(CardSamples.Survey(values: values));

        Assert.Equal("4", (string?)SlackQuery.Input(view, "sat")["element"]!["initial_option"]!["value"]);
        Assert.Null(SlackQuery.Input(view, "nps")["element"]!["initial_option"]);
        Assert.Equal("yes", (string?)SlackQuery.Input(view, "resolved")["element"]!["initial_option"]!["value"]);
        Assert.Equal(["billing", "returns"], SlackQuery.Input(view, "topics")["element"]!["initial_options"]!.AsArray().Select(o => (string)o!["value"]!));
        Assert.Equal("Kind <people>", (string?)SlackQuery.Input(view, "comment")["element"]!["initial_value"]);
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public void SurveyModal_WithErrors_EachErrorRightUnderItsQuestion()
    {
        var errors = new Dictionary<string, string> { ["nps"] = "Choose a number from 0 to 10." };

        var view = BlockKitRenderer.SurveyModal(CardSamples.Survey(), errors);

        var blocks = SlackQuery.Blocks(view);
        var nps = blocks.FindIndex(b => (string?)b["block_id"] == "nps");
        Assert.Equal("context", (string?)blocks[nps + 1]["type"]);
        Assert.Equal(":warning: Choose a number from 0 to 10.", SlackQuery.Texts(blocks[nps + 1]).Single());
        Assert.Single(blocks, b => (string?)b["type"] == "context");
    }

    [Fact]
    public void SurveyModal_LongTitle_CutInTheTitleBarAndShownWholeInTheBody()
    {
        var title = "Quarterly customer experience survey";
        var view = BlockKitRenderer.SurveyModal(CardSamples.Survey() with { Title = title });

        var bar = (string)view["title"]!["text"]!;
        Assert.True(bar.Length <= BlockKitLimits.ModalTitle);
        Assert.EndsWith("…", bar, StringComparison.Ordinal);
        Assert.Equal(title, (string?)SlackQuery.Blocks(view)[0]["text"]!["text"]);
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public void SurveyModal_HundredTwentyQuestionsOfHundredFiftyChoices_WithinLimitsAndSaysWhatIsLeftOut()
    {
        var choices = Enumerable.Range(1, 150).Select(i => new SurveyChoice($"c{i}", $"Choice number {i} {new string('x', 100)}")).ToList();
        var questions = Enumerable.Range(0, 120)
            .Select(i => new SurveyQuestion($"q{i}", new string('Q', 3000), i % 2 == 0 ? QuestionType.Choice : QuestionType.MultiChoice, true, choices, i % 2 == 1, null))
            .ToList();
        var prompt = CardSamples.Survey(intro: new string('&', 4000)) with { Title = new string('T', 300), Questions = questions };
        var errors = questions.Take(10).ToDictionary(q => q.Id, _ => new string('<', 5000));

        var view = BlockKitRenderer.SurveyModal(prompt, errors);

        Assert.Empty(BlockKitLimits.Check(view));
        var shown = SlackQuery.Blocks(view).Count(b => (string?)b["type"] == "input");
        Assert.Contains($"This survey has {120 - shown} more questions than Slack can show in one form.", SlackQuery.Texts(view), StringComparer.Ordinal);
        var select = SlackQuery.Input(view, "q0")["element"]!.AsObject();
        Assert.Equal(150, SlackQuery.Options(select).Count);
        Assert.Empty(BlockKitLimits.Check(BlockKitRenderer.Render(prompt)));
    }
}
