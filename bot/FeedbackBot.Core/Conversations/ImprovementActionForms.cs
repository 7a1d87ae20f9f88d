using System.Globalization;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// The forms of improvement actions in chat: adopting a review's recommendation (the same fields as
/// <c>feedbackbot actions adopt</c>), and bringing an action up to date (status, the day it went live, a note).
/// </summary>
public static class ImprovementActionForms
{
    /// <summary>The action's title.</summary>
    public const string TitleInput = "title";

    /// <summary>The owner: a work e-mail address or a Teams or Slack user id.</summary>
    public const string OwnerInput = "owner";

    /// <summary>When it is due, YYYY-MM-DD.</summary>
    public const string DueInput = "due";

    /// <summary>The people, time or tools it needs.</summary>
    public const string ResourcesInput = "resources";

    /// <summary>What it costs, as a number.</summary>
    public const string CostInput = "cost";

    /// <summary>The KPI value that counts as success, when not the KPI's target.</summary>
    public const string TargetInput = "target";

    /// <summary>planned, in_progress, implemented or abandoned.</summary>
    public const string StatusInput = "status";

    /// <summary>The day the change went live, YYYY-MM-DD, when implemented.</summary>
    public const string ImplementedOnInput = "implemented_on";

    /// <summary>A note for the action's log.</summary>
    public const string NoteInput = "note";

    /// <summary>The longest title kept.</summary>
    public const int TitleLength = 300;

    /// <summary>The longest owner kept.</summary>
    public const int OwnerLength = 320;

    /// <summary>The longest resources or note kept.</summary>
    public const int TextLength = 2000;

    /// <summary>The statuses a person sets, in the order they happen; the others are verdicts of the checks.</summary>
    public static IReadOnlyList<string> StatusesSetByPeople { get; } = ["planned", "in_progress", "implemented", "abandoned"];

    /// <summary>
    /// The form adopting recommendation <paramref name="recommendationId"/> of review <paramref name="reviewId"/>, with
    /// <paramref name="values"/> filled in (the recommendation's title, a due date, the owner).
    /// </summary>
    /// <param name="reviewId">The stored review's id, carried in the plan field.</param>
    /// <param name="recommendationId">The recommendation's id in the review (r1), carried in the cycle field.</param>
    /// <param name="cardId">The form's own id.</param>
    /// <param name="intro">What it adopts and what it will be checked against.</param>
    /// <param name="targetHint">How the target question reads: what the default success criterion is.</param>
    /// <param name="values">Values filled in to begin with.</param>
    public static SurveyPrompt AdoptPrompt(
        string reviewId, string recommendationId, string cardId, string intro, string targetHint, IReadOnlyDictionary<string, string> values) => new(
        cardId,
        reviewId,
        recommendationId,
        "Adopt as an improvement action",
        intro,
        [
            Text(TitleInput, "Title", TitleLength, required: true),
            Text(OwnerInput, "Owner: their work e-mail address or Teams or Slack user id", OwnerLength, required: true),
            Text(DueInput, "Due date (YYYY-MM-DD)", 10, required: true),
            Text(ResourcesInput, "Resources: people, time or tools it needs (optional)", TextLength),
            Text(CostInput, "Cost, as a number (optional)", 20),
            Text(TargetInput, targetHint, 20),
        ],
        values,
        new Dictionary<string, string>(),
        Verbs.AdoptRecommendation,
        OpenTitle: "Adopt",
        SubmitTitle: "Adopt");

    /// <summary>Checks an adoption: every required field, the owner in one word, a due date from today, numbers.</summary>
    public static AdoptionCheck CheckAdoption(SurveyPrompt prompt, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string id) => values.GetValueOrDefault(id)?.Trim() ?? string.Empty;

        var title = Value(TitleInput);
        if (title.Length == 0)
        {
            errors[TitleInput] = "Give the action a title.";
        }
        else if (title.Length > TitleLength)
        {
            errors[TitleInput] = $"At most {TitleLength} characters.";
        }

        var owner = Value(OwnerInput);
        if (owner.Length == 0)
        {
            errors[OwnerInput] = "Name the owner: their work e-mail address or Teams or Slack user id.";
        }
        else if (owner.Length > OwnerLength || owner.Any(char.IsWhiteSpace))
        {
            errors[OwnerInput] = "The owner is one e-mail address or user id, without spaces.";
        }

        DateOnly? due = null;
        if (!DateOnly.TryParseExact(Value(DueInput), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors[DueInput] = "Give the due date as YYYY-MM-DD, for example " + today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".";
        }
        else if (parsed < today)
        {
            errors[DueInput] = "The due date is in the past.";
        }
        else
        {
            due = parsed;
        }

        var resources = Value(ResourcesInput);
        if (resources.Length > TextLength)
        {
            errors[ResourcesInput] = $"At most {TextLength} characters.";
        }

        decimal? cost = null;
        if (Value(CostInput) is { Length: > 0 } costText)
        {
            if (decimal.TryParse(costText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
            {
                cost = amount;
            }
            else
            {
                errors[CostInput] = "Give the cost as a number, such as 1200 or 1200.50.";
            }
        }

        double? target = null;
        if (Value(TargetInput) is { Length: > 0 } targetText)
        {
            if (double.TryParse(targetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                target = value;
            }
            else
            {
                errors[TargetInput] = "Give the target as a number, such as 85, or leave it empty.";
            }
        }

        return errors.Count > 0
            ? new AdoptionCheck(null, prompt with { Values = values, Errors = errors })
            : new AdoptionCheck(new Adoption(title, owner, due!.Value, resources.Length == 0 ? null : resources, cost, target), null);
    }

    /// <summary>The form bringing action <paramref name="actionId"/> up to date, its current status chosen.</summary>
    /// <param name="planId">The action's plan, carried in the plan field.</param>
    /// <param name="actionId">The action's id, carried in the cycle field.</param>
    /// <param name="cardId">The form's own id.</param>
    /// <param name="title">How the action is named: "Action 3: Shorten the wait".</param>
    /// <param name="intro">Where it stands.</param>
    /// <param name="status">Its current status, chosen to begin with when a person may set it.</param>
    public static SurveyPrompt UpdatePrompt(string planId, string actionId, string cardId, string title, string intro, string status) => new(
        cardId,
        planId,
        actionId,
        title,
        intro,
        [
            new(StatusInput, "Status", QuestionType.Choice, true,
                [
                    new("planned", "Planned"),
                    new("in_progress", "In progress"),
                    new("implemented", "Implemented: the change is live"),
                    new("abandoned", "Abandoned"),
                ], false, null),
            Text(ImplementedOnInput, "If implemented: the day it went live (YYYY-MM-DD; today if empty)", 10),
            Text(DueInput, "New due date, if it moves (YYYY-MM-DD)", 10),
            Text(NoteInput, "Note for its log (optional)", TextLength),
        ],
        StatusesSetByPeople.Contains(status) ? new Dictionary<string, string> { [StatusInput] = status } : new Dictionary<string, string>(),
        new Dictionary<string, string>(),
        Verbs.UpdateImprovementAction,
        OpenTitle: "Update",
        SubmitTitle: "Save");

    /// <summary>
    /// Checks an update: a status a person may set (or none, when the form's status is optional: an action whose status
    /// is a verdict keeps it); a live day only when implemented, and not after today.
    /// </summary>
    public static ActionUpdateCheck CheckUpdate(SurveyPrompt prompt, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string id) => values.GetValueOrDefault(id)?.Trim() ?? string.Empty;

        var status = Value(StatusInput).ToLowerInvariant();
        var statusRequired = prompt.Questions.FirstOrDefault(q => q.Id == StatusInput)?.Required ?? true;
        if (!StatusesSetByPeople.Contains(status) && (statusRequired || status.Length > 0))
        {
            errors[StatusInput] = "Choose planned, in progress, implemented or abandoned.";
        }

        DateOnly? live = null;
        if (Value(ImplementedOnInput) is { Length: > 0 } liveText)
        {
            if (!DateOnly.TryParseExact(liveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors[ImplementedOnInput] = "Give the day as YYYY-MM-DD, or leave it empty for today.";
            }
            else if (parsed > today)
            {
                errors[ImplementedOnInput] = "That day is in the future: record it once the change is live.";
            }
            else if (status != "implemented")
            {
                errors[ImplementedOnInput] = "The day it went live is for an implemented action; choose Implemented or leave it empty.";
            }
            else
            {
                live = parsed;
            }
        }

        DateOnly? due = null;
        if (Value(DueInput) is { Length: > 0 } dueText)
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors[DueInput] = "Give the new due date as YYYY-MM-DD, or leave it empty.";
            }
            else if (parsed < today)
            {
                errors[DueInput] = "The new due date is in the past.";
            }
            else
            {
                due = parsed;
            }
        }

        var note = Value(NoteInput);
        if (note.Length > TextLength)
        {
            errors[NoteInput] = $"At most {TextLength} characters.";
        }

        return errors.Count > 0
            ? new ActionUpdateCheck(null, prompt with { Values = values, Errors = errors })
            : new ActionUpdateCheck(new ActionUpdate(status.Length == 0 ? null : status, live, note.Length == 0 ? null : note, due), null);
    }

    private static SurveyQuestion Text(string id, string text, int maxLength, bool required = false) =>
        new(id, text, QuestionType.Text, required, [], false, maxLength);
}

/// <summary>A submitted adoption checked: what to adopt, or the form again with its errors.</summary>
/// <param name="Adoption">The adoption; null when invalid.</param>
/// <param name="Retry">The form with values and errors; null when valid.</param>
public sealed record AdoptionCheck(Adoption? Adoption, SurveyPrompt? Retry);

/// <summary>What adopting a recommendation in chat asked for.</summary>
/// <param name="Title">The action's title.</param>
/// <param name="Owner">Its owner as written: an e-mail address or a user id.</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="Resources">What it needs, if given.</param>
/// <param name="Cost">What it costs, if given.</param>
/// <param name="Target">The success criterion, when not the KPI's target.</param>
public sealed record Adoption(string Title, string Owner, DateOnly DueOn, string? Resources, decimal? Cost, double? Target);

/// <summary>A submitted action update checked: the update, or the form again with its errors.</summary>
/// <param name="Update">The update; null when invalid.</param>
/// <param name="Retry">The form with values and errors; null when valid.</param>
public sealed record ActionUpdateCheck(ActionUpdate? Update, SurveyPrompt? Retry);

/// <summary>An improvement action brought up to date in chat.</summary>
/// <param name="Status">planned, in_progress, implemented or abandoned; null to keep it (a form whose status was optional).</param>
/// <param name="ImplementedOn">The day it went live, when given (only with implemented; the bot takes the day it had, or today, without one).</param>
/// <param name="Note">A note for its log, if given.</param>
/// <param name="DueOn">A new due date, if given.</param>
public sealed record ActionUpdate(string? Status, DateOnly? ImplementedOn, string? Note, DateOnly? DueOn = null);
