using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// Renders the channel-neutral replies for Slack as Block Kit, so a reply reads the same as its Adaptive Card does in
/// Teams. A survey is a message with an "Answer" button; its questions live in a modal opened from that button,
/// since Slack only enforces required inputs and shows errors beside them in modals.
/// </summary>
public static class BlockKitRenderer
{
    /// <summary>The reply as a Slack message.</summary>
    /// <exception cref="ArgumentException">A reply type this renderer does not know.</exception>
    public static SlackMessage Render(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply switch
        {
            TextReply text => TextBlocks.Build(text),
            HelpReply help => HelpBlocks.Build(help),
            SurveyPrompt survey => SurveyMessage.Build(survey),
            SurveyThanks thanks => SurveyThanksBlocks.Build(thanks),
            ReviewSummary summary => ReviewSummaryBlocks.Build(summary),
            FeedbackPrompt feedback => FeedbackBlocks.Prompt(feedback),
            FeedbackThanks logged => FeedbackBlocks.Thanks(logged),
            EvaluationView evaluation => EvaluationBlocks.Build(evaluation),
            ActionList actions => ActionListBlocks.Build(actions),
            _ => throw new ArgumentException($"There are no Slack blocks for a {reply.GetType().Name}.", nameof(reply)),
        };
    }

    /// <summary>
    /// The survey as a modal view for <c>views.open</c> or <c>response_action: update</c>: one input per question,
    /// the prompt's values selected and its errors shown under their questions.
    /// </summary>
    public static JsonObject SurveyModal(SurveyPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return BlockKit.SurveyModal.Build(prompt);
    }

    /// <summary>The survey modal showing <paramref name="errors"/> (by question id) instead of the prompt's own.</summary>
    public static JsonObject SurveyModal(SurveyPrompt prompt, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(errors);
        return BlockKit.SurveyModal.Build(prompt with { Errors = errors });
    }

    /// <summary>
    /// The survey modal opened from a pulse message: <paramref name="origin"/> travels in the private metadata, so
    /// the submission can turn that message into the thank-you.
    /// </summary>
    public static JsonObject SurveyModal(SurveyPrompt prompt, SlackMessageOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(origin);
        return BlockKit.SurveyModal.Build(prompt, origin);
    }

    /// <summary>
    /// The App Home tab for <c>views.publish</c>: the person's open pulses (at most five, with their "Answer" buttons)
    /// and, when given, a review summary (or the text that stands in for one).
    /// </summary>
    public static JsonObject Home(IReadOnlyList<SurveyPrompt> openPulses, BotReply? review)
    {
        ArgumentNullException.ThrowIfNull(openPulses);
        return HomeView.Build(openPulses, review);
    }

    internal static SlackMessage Message(string fallback, IEnumerable<JsonNode> blocks) =>
        new(SlackText.EscapeWithin(fallback, BlockKitLimits.FallbackText), new JsonArray([.. blocks]));
}
