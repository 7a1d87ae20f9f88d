using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>The action and block ids of the bot's Slack messages and modals, as they come back in interactions.</summary>
public static class BlockKitActions
{
    /// <summary>
    /// The verb of the "Answer" button under a pulse message: the Slack handler opens the survey modal for it
    /// (<c>views.open</c> with the interaction's trigger id). It has no Teams counterpart, where the card is the form.
    /// </summary>
    public const string OpenSurvey = Verbs.OpenSurvey;

    /// <summary>The action id of every survey input; the block id is the question's id.</summary>
    public const string Answer = "answer";

    /// <summary>The feedback message's select of the service feature.</summary>
    public const string FeedbackFeature = "feedback.feature";

    /// <summary>The feedback message's button logging praise.</summary>
    public const string FeedbackPraise = "feedback.praise";

    /// <summary>The feedback message's button logging a complaint.</summary>
    public const string FeedbackComplaint = "feedback.complaint";

    /// <summary>The review summary's link to the full report; Slack still reports the click, which needs only an ack.</summary>
    public const string OpenReport = "review.open_report";

    /// <summary>
    /// Blocks that are not answers start with an underscore; question ids start with a letter or digit, so the two
    /// never clash in a modal's state or its errors.
    /// </summary>
    internal const string OwnBlockPrefix = "_";

    /// <summary>
    /// Separates the card id from the feedback text in a feedback button's value. Card ids are the bot's own and never
    /// hold a line break; the text may, so only the first one splits.
    /// </summary>
    internal const char ValueSeparator = '\n';
}
