namespace FeedbackBot.Core.Conversations;

/// <summary>
/// What a person did in a chat, in the same shape whichever channel it came through: a message, or a card or
/// form they submitted. Channel adapters build it after authenticating the request.
/// </summary>
/// <param name="Channel">The channel it came through.</param>
/// <param name="TenantId">The Teams tenant, Slack workspace, or "local" for the playground.</param>
/// <param name="User">Who did it.</param>
/// <param name="ConversationId">The conversation it happened in.</param>
/// <param name="MessageId">The channel's id of the message or action, used to recognise redeliveries.</param>
/// <param name="Text">The message text with mentions of the bot removed; null for a submission.</param>
/// <param name="Submission">The submitted card or form, if that is what happened.</param>
/// <param name="Mentions">The people @-mentioned in the message, the bot left out; null when the channel gives none.</param>
/// <param name="Private">
/// Whether only the person sees the answer: their own chat with the bot, or a Slack reply only they can see. A
/// named person's evaluation is shown only then; in a channel everyone would read it.
/// </param>
public sealed record BotRequest(
    BotChannel Channel,
    string TenantId,
    BotUser User,
    string ConversationId,
    string? MessageId,
    string? Text,
    BotSubmission? Submission,
    IReadOnlyList<BotMention>? Mentions = null,
    bool Private = false);

/// <summary>The channels the bot speaks.</summary>
public enum BotChannel
{
    /// <summary>Microsoft Teams, over the Bot Framework Connector.</summary>
    Teams,

    /// <summary>Slack, over the Events API and interactivity.</summary>
    Slack,

    /// <summary>The local playground page, over a Direct Line subset.</summary>
    Playground,
}

/// <summary>A person in a channel.</summary>
/// <param name="Id">Their id in the channel (Teams 29: id, Slack user id, playground identity).</param>
/// <param name="Name">Their display name.</param>
public sealed record BotUser(string Id, string Name);

/// <summary>
/// Someone @-mentioned in a message: who they are, and the text that stands for them in the message, so a command
/// naming a person by mention is resolved by id rather than by display name.
/// </summary>
/// <param name="User">The person mentioned.</param>
/// <param name="Text">How the mention reads in the message text, e.g. <c>&lt;at&gt;Ana&lt;/at&gt;</c>.</param>
public sealed record BotMention(BotUser User, string Text);

/// <summary>A submitted card or form: what it was for, and the values entered.</summary>
/// <param name="Verb">What the submission does (see <see cref="Verbs"/>).</param>
/// <param name="Values">The values by input id, as text; hidden data fields included.</param>
public sealed record BotSubmission(string Verb, IReadOnlyDictionary<string, string> Values);

/// <summary>The verbs of the bot's cards.</summary>
public static class Verbs
{
    /// <summary>A pulse survey's answers.</summary>
    public const string SubmitSurvey = "survey.submit";

    /// <summary>
    /// Asks for a pulse survey's form, where the channel shows the form apart from the message that announced it
    /// (Slack: an "Answer" button that opens a modal).
    /// </summary>
    public const string OpenSurvey = "survey.open";

    /// <summary>The details of logged customer feedback.</summary>
    public const string SubmitFeedback = "feedback.submit";

    /// <summary>An interaction scored on a QA scorecard (managers and evaluators).</summary>
    public const string ScoreInteraction = "qa.score";

    /// <summary>Asks for the scorecard's form where the channel shows forms apart from messages (Slack's modal).</summary>
    public const string OpenScorecard = "qa.score.open";

    /// <summary>An agent's answer to the feedback on their evaluation: acknowledge or discuss, reflection, action plan.</summary>
    public const string RespondToEvaluation = "qa.respond";

    /// <summary>Asks for the form answering an evaluation, where the channel shows forms apart from messages.</summary>
    public const string OpenEvaluationResponse = "qa.respond.open";

    /// <summary>A coaching action brought up to date: done, dropped, or not yet with a new due date.</summary>
    public const string UpdateCoachingAction = "qa.action";

    /// <summary>Asks for the form updating a coaching action, where the channel shows forms apart from messages.</summary>
    public const string OpenCoachingAction = "qa.action.open";

    /// <summary>A review's recommendation adopted as an improvement action (managers).</summary>
    public const string AdoptRecommendation = "action.adopt";

    /// <summary>Asks for the form adopting a recommendation: the Adopt button beside it in a review.</summary>
    public const string OpenAdoption = "action.adopt.open";

    /// <summary>An improvement action brought up to date: its status, the day it went live, a note.</summary>
    public const string UpdateImprovementAction = "action.update";

    /// <summary>Asks for the form updating an improvement action: the Update button beside it.</summary>
    public const string OpenImprovementActionUpdate = "action.update.open";

    /// <summary>The verbs of forms (<see cref="SurveyPrompt"/>): each has a verb that asks for it (<see cref="OpenVerbFor"/>).</summary>
    public static IReadOnlyList<string> Forms { get; } =
        [SubmitSurvey, ScoreInteraction, RespondToEvaluation, UpdateCoachingAction, AdoptRecommendation, UpdateImprovementAction];

    /// <summary>The verb that asks for the form submitted with <paramref name="formVerb"/>.</summary>
    /// <exception cref="ArgumentException">Not a form's verb.</exception>
    public static string OpenVerbFor(string formVerb) => formVerb switch
    {
        SubmitSurvey => OpenSurvey,
        ScoreInteraction => OpenScorecard,
        RespondToEvaluation => OpenEvaluationResponse,
        UpdateCoachingAction => OpenCoachingAction,
        AdoptRecommendation => OpenAdoption,
        UpdateImprovementAction => OpenImprovementActionUpdate,
        _ => throw new ArgumentException($"'{formVerb}' is not the verb of a form.", nameof(formVerb)),
    };

    /// <summary>Whether <paramref name="verb"/> asks for a form rather than submitting one.</summary>
    public static bool IsOpenVerb(string? verb) =>
        verb is OpenSurvey or OpenScorecard or OpenEvaluationResponse or OpenCoachingAction or OpenAdoption or OpenImprovementActionUpdate;

    /// <summary>The hidden field carrying the cycle a survey card belongs to (for a scorecard: the agent and scorecard; for a response: the evaluation).</summary>
    public const string CycleField = "_cycle";

    /// <summary>The hidden field carrying the plan a card belongs to.</summary>
    public const string PlanField = "_plan";

    /// <summary>The hidden field carrying a card's own id, so a double click is recognised.</summary>
    public const string CardField = "_card";

    /// <summary>The hidden field carrying the text of logged feedback back with its details.</summary>
    public const string TextField = "_text";

    /// <summary>The input of a feedback card naming the service feature.</summary>
    public const string FeatureInput = "feature";

    /// <summary>The input of a feedback card saying praise or complaint.</summary>
    public const string KindInput = "kind";
}
