using System.Text.Json.Nodes;
using FeedbackBot.Channels.AdaptiveCards;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;
using FeedbackBot.Channels.Slack.BlockKit;
using FeedbackBot.Channels.Tests.AdaptiveCards;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;

namespace FeedbackBot.Channels.Tests;

/// <summary>
/// Every kind of reply a feature can return reaches the person in every channel: Teams (an Adaptive Card or text),
/// Slack (Block Kit) and the playground (what Web Chat reads from the Direct Line store). The reply types are found by
/// reflection, so a new one fails here until it has a sample below and a rendering in each channel.
/// </summary>
public sealed class EveryReplyRendersTests
{
    /// <summary>One reply of each type, filled as a feature fills it.</summary>
    private static readonly IReadOnlyDictionary<Type, BotReply> Samples = new BotReply[]
    {
        new TextReply("Pulse sent to **12** people."),
        new HelpReply(PersonRole.Manager,
        [
            new HelpCommand("review PLAN", "The latest review of a plan.", "review customer-experience"),
            new HelpCommand("help", "What I can do for you."),
        ]),
        CardSamples.Survey(),
        new SurveyThanks("Customer experience", [new SurveyAnswer("How satisfied were you?", "4"), new SurveyAnswer("Anything else?", "Quick and kind.")], Anonymous: true),
        CardSamples.Review(),
        new FeedbackPrompt("card-3", "The courier left the parcel in the rain.", ["delivery", "billing", "returns"], null),
        new FeedbackThanks("The courier left the parcel in the rain.", "delivery", "complaint"),
        CardSamples.Evaluation(),
        CardSamples.Actions(),
    }.ToDictionary(reply => reply.GetType());

    /// <summary>
    /// Every concrete reply type. Core is the only assembly to search: Channels references no other project of ours
    /// (DependencyRuleTests), so a reply declared anywhere else could not be rendered.
    /// </summary>
    private static readonly IReadOnlyList<string> ConcreteReplyTypes =
    [
        .. typeof(BotReply).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(BotReply)) && !t.IsAbstract)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> ReplyTypes() => new(ConcreteReplyTypes);

    [Fact]
    public void Samples_EveryReplyTypeOfCore_HasOne()
    {
        var missing = ConcreteReplyTypes.Where(name => Samples.Keys.All(t => t.FullName != name)).ToList();
        var strays = Samples.Keys.Select(t => t.FullName!).Except(ConcreteReplyTypes).ToList();

        Assert.True(missing.Count == 0, "No sample reply in EveryReplyRendersTests for: " + string.Join(", ", missing));
        Assert.True(strays.Count == 0, "Samples of types that are not replies declared in Core: " + string.Join(", ", strays));
        Assert.NotEmpty(ConcreteReplyTypes);
    }

    [Theory]
    [MemberData(nameof(ReplyTypes))]
    public void AdaptiveCardRenderer_EveryReplyType_TextOrAValidCard(string replyType)
    {
        var reply = Sample(replyType);

        var rendered = AdaptiveCardRenderer.Render(reply);
        var activity = ReplyActivity.From(reply);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        if (rendered.IsCard)
        {
            AssertVisibleCard(rendered.Card);
            var attachment = Assert.Single(activity.Attachments!);
            Assert.Equal(AdaptiveCardFormat.ContentType, attachment.ContentType);
            AssertVisibleCard(JsonNode.Parse(attachment.Content!.Value.GetRawText()));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(rendered.Text));
            Assert.Equal(rendered.Text, activity.Text);
            Assert.Null(activity.Attachments);
        }
    }

    [Theory]
    [MemberData(nameof(ReplyTypes))]
    public void BlockKitRenderer_EveryReplyType_BlocksWithinSlacksLimits(string replyType)
    {
        var message = BlockKitRenderer.Render(Sample(replyType));

        Assert.NotEmpty(message.Blocks);
        Assert.False(string.IsNullOrWhiteSpace(message.Text));
        Assert.Empty(BlockKitLimits.Check(message));
    }

    [Theory]
    [MemberData(nameof(ReplyTypes))]
    public void Playground_EveryReplyType_WebChatReadsTextOrACardItCanSubmit(string replyType)
    {
        var store = new DirectLineStore(TimeProvider.System, new DirectLineLimits());
        var conversation = store.Start(PlaygroundIdentity.Staff, "http://127.0.0.1:5000/v3/directline").Conversation.Id;

        // What PlaygroundConversationBot sends for a reply, read back as Web Chat polls it.
        Assert.NotNull(store.AppendFromBot(conversation, ReplyActivity.From(Sample(replyType))));
        var shown = Assert.Single(store.Read(conversation, 0)!.Activities);

        Assert.Equal(PlaygroundChannel.Bot.Id, shown.From!.Id);
        if (shown.Attachments is { Count: > 0 } attachments)
        {
            var attachment = Assert.Single(attachments);
            Assert.Equal(UniversalActionFallback.AdaptiveCardContentType, attachment.ContentType);
            var card = JsonNode.Parse(attachment.Content!.Value.GetRawText());
            AssertVisibleCard(card);
            // Web Chat cannot perform Action.Execute, so a card it shows must carry none.
            Assert.DoesNotContain("\"Action.Execute\"", card!.ToJsonString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(shown.Text));
        }
    }

    private static BotReply Sample(string replyType)
    {
        var sample = Samples.Values.SingleOrDefault(r => r.GetType().FullName == replyType);
        Assert.True(sample is not null, $"No sample reply in EveryReplyRendersTests for {replyType}: add one to Samples, and render it in each channel.");
        return sample;
    }

    private static void AssertVisibleCard(JsonNode? card)
    {
        AdaptiveCardSchema.AssertValid(card);
        Assert.NotEmpty(card!["body"]!.AsArray());
    }
}
