namespace FeedbackBot.Features.Actions;

/// <summary>The kinds of line in an action's log.</summary>
internal static class ActionNotes
{
    /// <summary>Something someone wrote about it.</summary>
    public const string Note = "note";

    /// <summary>A change of status (or its adoption).</summary>
    public const string Status = "status";

    /// <summary>A before/after check's result.</summary>
    public const string Check = "check";
}
