using System.Globalization;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// A coaching action brought up to date when it falls due: done, dropped, or not yet with a new due date (so both are
/// reminded again then), with an optional note.
/// </summary>
public static class CoachingActionForms
{
    /// <summary>done, planned (not yet) or cancelled.</summary>
    public const string StateInput = "state";

    /// <summary>The new due date when not done yet, YYYY-MM-DD.</summary>
    public const string DueInput = "new_due";

    /// <summary>A note on how it went.</summary>
    public const string NoteInput = "note";

    /// <summary>The longest note kept.</summary>
    public const int NoteLength = 2000;

    /// <summary>The form for the action <paramref name="actionId"/>, with the reminder as its introduction.</summary>
    public static SurveyPrompt Prompt(string planId, string actionId, string cardId, string title, string reminder) => new(
        cardId,
        planId,
        actionId,
        title,
        reminder,
        [
            new(StateInput, "Where is it?", QuestionType.Choice, true,
                [new("done", "Done"), new("planned", "Not yet: remind us again on a new date"), new("cancelled", "Dropped: no longer needed")], false, null),
            new(DueInput, "New due date if not done yet (YYYY-MM-DD)", QuestionType.Text, false, [], false, 10),
            new(NoteInput, "Note (optional)", QuestionType.Text, false, [], false, NoteLength),
        ],
        new Dictionary<string, string>(),
        new Dictionary<string, string>(),
        Verbs.UpdateCoachingAction,
        OpenTitle: "Update",
        SubmitTitle: "Save");

    /// <summary>Checks an update: "not yet" needs a new due date after <paramref name="today"/>.</summary>
    public static CoachingActionCheck Check(SurveyPrompt prompt, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string id) => values.GetValueOrDefault(id)?.Trim() ?? string.Empty;

        var state = Value(StateInput).ToLowerInvariant();
        if (state is not ("done" or "planned" or "cancelled"))
        {
            errors[StateInput] = "Choose done, not yet or dropped.";
        }

        DateOnly? due = null;
        var dueText = Value(DueInput);
        if (state == "planned")
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors[DueInput] = "Give the new due date as YYYY-MM-DD, for example " + today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".";
            }
            else if (parsed <= today)
            {
                errors[DueInput] = "The new due date must be after today.";
            }
            else
            {
                due = parsed;
            }
        }

        var note = Value(NoteInput);
        if (note.Length > NoteLength)
        {
            errors[NoteInput] = $"At most {NoteLength} characters.";
        }

        return errors.Count > 0
            ? new CoachingActionCheck(null, prompt with { Values = values, Errors = errors })
            : new CoachingActionCheck(new CoachingActionUpdate(state, due, note.Length == 0 ? null : note), null);
    }
}

/// <summary>A submitted action update checked: the update, or the form again with its errors.</summary>
/// <param name="Update">The update; null when invalid.</param>
/// <param name="Retry">The form with values and errors; null when valid.</param>
public sealed record CoachingActionCheck(CoachingActionUpdate? Update, SurveyPrompt? Retry);

/// <summary>What became of a coaching action.</summary>
/// <param name="State">done, planned (not yet) or cancelled.</param>
/// <param name="NewDueOn">The new due date when not done yet.</param>
/// <param name="Note">A note on how it went.</param>
public sealed record CoachingActionUpdate(string State, DateOnly? NewDueOn, string? Note);
