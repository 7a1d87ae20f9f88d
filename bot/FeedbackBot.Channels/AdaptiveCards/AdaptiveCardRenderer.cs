using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>
/// Renders the channel-neutral replies for Teams and the playground: plain text stays text, everything else becomes
/// an Adaptive Card 1.5.
/// </summary>
public static class AdaptiveCardRenderer
{
    /// <summary>The reply as Teams shows it.</summary>
    /// <exception cref="ArgumentException">A reply type this renderer does not know.</exception>
    public static RenderedReply Render(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply switch
        {
            TextReply text => RenderedReply.FromText(text.Text),
            HelpReply help => RenderedReply.FromCard(HelpCard.Build(help)),
            SurveyPrompt survey => RenderedReply.FromCard(SurveyCard.Build(survey)),
            SurveyThanks thanks => RenderedReply.FromCard(SurveyThanksCard.Build(thanks)),
            ReviewSummary summary => RenderedReply.FromCard(ReviewSummaryCard.Build(summary)),
            FeedbackPrompt feedback => RenderedReply.FromCard(FeedbackCards.Prompt(feedback)),
            FeedbackThanks logged => RenderedReply.FromCard(FeedbackCards.Thanks(logged)),
            EvaluationView evaluation => RenderedReply.FromCard(EvaluationCard.Build(evaluation)),
            ActionList actions => RenderedReply.FromCard(ActionListCard.Build(actions)),
            _ => throw new ArgumentException($"There is no Adaptive Card for a {reply.GetType().Name}.", nameof(reply)),
        };
    }
}
