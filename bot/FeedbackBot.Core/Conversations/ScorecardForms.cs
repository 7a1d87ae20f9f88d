using System.Globalization;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// A QA scorecard as a form to fill in about one interaction: its reference, channel and date, an answer and an
/// optional comment for each criterion, and what went well and what to improve (both required). Reads a submitted
/// form back into an evaluation to store, or the form again with an error beside each field that needs one.
/// </summary>
public static class ScorecardForms
{
    /// <summary>The interaction's reference (ticket or call id).</summary>
    public const string InteractionInput = "interaction";

    /// <summary>The interaction's channel.</summary>
    public const string ChannelInput = "channel";

    /// <summary>The interaction's date, YYYY-MM-DD.</summary>
    public const string DateInput = "interaction_date";

    /// <summary>Feedback to the agent, or a calibration session's scoring (not sent to the agent).</summary>
    public const string PurposeInput = "purpose";

    /// <summary>The <see cref="PurposeInput"/> that sends the evaluation to the agent.</summary>
    public const string Feedback = "feedback";

    /// <summary>The <see cref="PurposeInput"/> of a calibration session: evaluators compare scores, the agent is not sent it.</summary>
    public const string Calibration = "calibration";

    /// <summary>What went well.</summary>
    public const string WentWellInput = "went_well";

    /// <summary>What to improve.</summary>
    public const string ToImproveInput = "to_improve";

    /// <summary>Before a criterion's id: its answer.</summary>
    public const string CriterionPrefix = "c.";

    /// <summary>Before a criterion's id: the evaluator's comment on it.</summary>
    public const string CommentPrefix = "comment.";

    /// <summary>The longest interaction reference kept.</summary>
    public const int ReferenceLength = 100;

    /// <summary>The longest comment on a criterion kept.</summary>
    public const int CommentLength = 1000;

    /// <summary>The longest "went well" or "to improve" kept.</summary>
    public const int FeedbackLength = 2000;

    private const string NotApplicable = "na";

    /// <summary>
    /// The form scoring one of <paramref name="agentName"/>'s interactions on <paramref name="scorecard"/>. The
    /// <paramref name="subject"/> travels in the form's hidden fields and names the agent and scorecard again on submission.
    /// </summary>
    public static SurveyPrompt Prompt(string planId, Scorecard scorecard, string agentName, string subject, string cardId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var questions = new List<SurveyQuestion>
        {
            Text(InteractionInput, "Interaction reference (ticket or call id)", required: true, ReferenceLength),
            new(ChannelInput, "Channel", QuestionType.Choice, true, [.. scorecard.Channels.Select(c => new SurveyChoice(ChannelName(c), ChannelLabel(c)))], false, null),
            Text(DateInput, "Date of the interaction (YYYY-MM-DD)", required: true, 10),
            new(PurposeInput, "Purpose", QuestionType.Choice, true,
                [new(Feedback, $"Feedback to {agentName}"), new(Calibration, $"Calibration only: compare evaluators, {agentName} is not sent it")], false, null),
        };
        foreach (var criterion in scorecard.Criteria)
        {
            questions.Add(new SurveyQuestion(
                CriterionPrefix + criterion.Id,
                criterion.Critical ? $"{criterion.Text} (critical: a no fails the evaluation)" : criterion.Text,
                criterion.Scale == CriterionScale.YesNo ? QuestionType.YesNo : QuestionType.Rating5,
                true,
                Choices(criterion),
                false,
                null));
            // Each comment box names its criterion, so a screen reader tells the boxes apart.
            questions.Add(Text(CommentPrefix + criterion.Id, $"Comment on “{Shortened(criterion.Text)}” (optional)", required: false, CommentLength));
        }

        questions.Add(Text(WentWellInput, "What went well", required: true, FeedbackLength));
        questions.Add(Text(ToImproveInput, "What to improve", required: true, FeedbackLength));
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DateInput] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [PurposeInput] = Feedback,
        };
        if (scorecard.Channels.Count == 1)
        {
            values[ChannelInput] = ChannelName(scorecard.Channels[0]);
        }

        return new SurveyPrompt(
            cardId,
            planId,
            subject,
            $"Score {agentName}'s {scorecard.Name.ToLowerInvariant()}",
            $"{agentName} gets the evaluation privately and can acknowledge it or ask to discuss it. Pass mark: {scorecard.PassMark.ToString("0.#", CultureInfo.InvariantCulture)} of 100.",
            questions,
            values,
            new Dictionary<string, string>(),
            Verbs.ScoreInteraction,
            OpenTitle: "Score",
            SubmitTitle: "Save evaluation");
    }

    /// <summary>
    /// Checks a submitted scorecard. Valid: the evaluation to store. Invalid: the same form with the values kept and
    /// an error beside each field that needs one. A date after <paramref name="today"/> is refused.
    /// </summary>
    public static ScorecardCheck Check(Scorecard scorecard, SurveyPrompt prompt, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string id) => values.GetValueOrDefault(id)?.Trim() ?? string.Empty;

        var reference = Value(InteractionInput);
        if (reference.Length == 0)
        {
            errors[InteractionInput] = "Give the ticket or call id, so the agent can find the interaction.";
        }
        else if (reference.Length > ReferenceLength || reference.Any(char.IsControl))
        {
            errors[InteractionInput] = $"A reference is one line of at most {ReferenceLength} characters.";
        }

        var channel = default(InteractionChannel);
        if (!PlanVocabulary.InteractionChannels.TryGet(Value(ChannelInput), out channel) || !scorecard.Channels.Contains(channel))
        {
            errors[ChannelInput] = $"Choose one of this scorecard's channels: {string.Join(", ", scorecard.Channels.Select(ChannelLabel))}.";
        }

        var date = default(DateOnly);
        if (!DateOnly.TryParseExact(Value(DateInput), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors[DateInput] = "Write the date as YYYY-MM-DD, for example " + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".";
        }
        else if (date > today)
        {
            errors[DateInput] = "The interaction cannot be in the future.";
        }

        var purpose = Value(PurposeInput).ToLowerInvariant();
        if (purpose is not (Feedback or Calibration))
        {
            errors[PurposeInput] = "Choose feedback to the agent or calibration only.";
        }

        var answers = new Dictionary<string, CriterionAnswer>(StringComparer.Ordinal);
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var criterion in scorecard.Criteria)
        {
            var text = Value(CriterionPrefix + criterion.Id);
            if (text.Length == 0)
            {
                // Empty means "not applicable" in a file; on a form it means the evaluator skipped it.
                errors[CriterionPrefix + criterion.Id] = criterion.AllowNa ? "Answer this criterion, or choose not applicable." : "Answer this criterion.";
            }
            else if (!CriterionAnswer.TryParse(text, criterion, out var answer, out _))
            {
                errors[CriterionPrefix + criterion.Id] = criterion.Scale == CriterionScale.YesNo ? "Choose yes or no." : "Choose a rating from 1 to 5.";
            }
            else
            {
                answers[criterion.Id] = answer;
            }

            var comment = Value(CommentPrefix + criterion.Id);
            if (comment.Length > CommentLength)
            {
                errors[CommentPrefix + criterion.Id] = $"A comment is at most {CommentLength} characters.";
            }
            else if (comment.Length > 0)
            {
                comments[criterion.Id] = comment;
            }
        }

        var wentWell = Value(WentWellInput);
        var toImprove = Value(ToImproveInput);
        Required(errors, WentWellInput, wentWell, "Say what went well: feedback starts with it.");
        Required(errors, ToImproveInput, toImprove, "Say what to improve, so the agent knows what to work on.");
        if (errors.Count > 0)
        {
            return new ScorecardCheck(null, prompt with { Values = values, Errors = errors });
        }

        return new ScorecardCheck(
            new ScoredInteraction(reference, channel, date, answers, comments, wentWell, toImprove, scorecard.Score(answers), purpose == Calibration),
            null);
    }

    /// <summary>A channel as files and forms spell it: <c>face_to_face</c>.</summary>
    public static string ChannelName(InteractionChannel channel) => PlanVocabulary.InteractionChannels.NameOf(channel);

    /// <summary>A channel as it reads: "face to face".</summary>
    public static string ChannelLabel(InteractionChannel channel) => ChannelName(channel).Replace('_', ' ');

    /// <summary>An answer as it reads: "Yes", "4 of 5", "Not applicable".</summary>
    public static string AnswerLabel(CriterionAnswer answer) => answer.Kind switch
    {
        CriterionAnswerKind.Yes => "Yes",
        CriterionAnswerKind.No => "No",
        CriterionAnswerKind.Rating => answer.Rating.ToString(CultureInfo.InvariantCulture) + " of 5",
        _ => "Not applicable",
    };

    private static void Required(Dictionary<string, string> errors, string id, string text, string message)
    {
        if (text.Length == 0)
        {
            errors[id] = message;
        }
        else if (text.Length > FeedbackLength)
        {
            errors[id] = $"At most {FeedbackLength} characters.";
        }
    }

    private static SurveyChoice[] Choices(Criterion criterion)
    {
        var choices = criterion.Scale == CriterionScale.YesNo
            ? new List<SurveyChoice> { new("yes", "Yes"), new("no", "No") }
            : [.. Enumerable.Range(1, 5).Select(r => new SurveyChoice(r.ToString(CultureInfo.InvariantCulture), r switch { 1 => "1 (poor)", 5 => "5 (excellent)", _ => r.ToString(CultureInfo.InvariantCulture) }))];
        if (criterion.AllowNa)
        {
            choices.Add(new SurveyChoice(NotApplicable, "Not applicable"));
        }

        return [.. choices];
    }

    private static string Shortened(string text) => text.Length <= 40 ? text : text[..39].TrimEnd() + "…";

    private static SurveyQuestion Text(string id, string text, bool required, int maxLength) =>
        new(id, text, QuestionType.Text, required, [], false, maxLength);
}

/// <summary>A submitted scorecard checked: the evaluation, or the form again with its errors.</summary>
/// <param name="Entry">The evaluation to store; null when invalid.</param>
/// <param name="Retry">The form with the values and errors; null when valid.</param>
public sealed record ScorecardCheck(ScoredInteraction? Entry, SurveyPrompt? Retry)
{
    /// <summary>Whether the form was valid.</summary>
    public bool IsValid => Entry is not null;
}

/// <summary>One interaction scored in chat.</summary>
/// <param name="Interaction">Its reference (ticket or call id).</param>
/// <param name="Channel">Its channel.</param>
/// <param name="InteractionDate">When it took place.</param>
/// <param name="Answers">Every criterion's answer, by criterion id.</param>
/// <param name="Comments">The comments given, by criterion id.</param>
/// <param name="WentWell">What went well.</param>
/// <param name="ToImprove">What to improve.</param>
/// <param name="Result">The score the scorecard gives it.</param>
/// <param name="Calibration">Scored in a calibration session: not sent to the agent.</param>
public sealed record ScoredInteraction(
    string Interaction,
    InteractionChannel Channel,
    DateOnly InteractionDate,
    IReadOnlyDictionary<string, CriterionAnswer> Answers,
    IReadOnlyDictionary<string, string> Comments,
    string WentWell,
    string ToImprove,
    EvaluationScore Result,
    bool Calibration);
