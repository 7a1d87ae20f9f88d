namespace FeedbackBot.Core.Conversations;

/// <summary>
/// Improvement actions as chat shows them: the list <c>actions</c> answers with, or one action in a reminder or in the
/// news that it was adopted. Each action carries the button that opens its update form.
/// </summary>
/// <param name="Title">What the message is ("Your open improvement actions", "Reminder: action 3 is due on 10 Dec 2026").</param>
/// <param name="Intro">A line under the title; null for none.</param>
/// <param name="Actions">The actions, most urgent first.</param>
/// <param name="Note">A line at the end (how many more there are, where the rest is); null for none.</param>
public sealed record ActionList(string Title, string? Intro, IReadOnlyList<ActionLine> Actions, string? Note) : BotReply
{
    /// <summary>How many actions one message lists; the command line lists them all.</summary>
    public const int MaxActions = 10;
}

/// <summary>One improvement action as a line, with the hidden fields of its Update button.</summary>
/// <param name="Number">Its number in the tenant (<c>actions show 3</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Its status as it reads ("in progress", "implemented, live since 12 Oct 2026").</param>
/// <param name="Due">When it is due as it reads, with "overdue" when it is.</param>
/// <param name="Overdue">Whether it is open past its due date.</param>
/// <param name="Detail">The KPI, its baseline and the success criterion, as they read; null when it rests on none.</param>
/// <param name="Owner">Its owner as given.</param>
/// <param name="Update">The button opening the form that updates it; null when the reader cannot update it.</param>
public sealed record ActionLine(int Number, string Title, string Status, string Due, bool Overdue, string? Detail, string Owner, FormButton? Update);

/// <summary>
/// A button that asks the bot for a form (its open verb), carrying the form's hidden fields: in Teams an
/// <c>Action.Execute</c> whose answer is the form as a card, in Slack a button whose answer opens it as a modal.
/// </summary>
/// <param name="Title">The button's text.</param>
/// <param name="OpenVerb">The verb asking for the form (<see cref="Verbs.IsOpenVerb"/>).</param>
/// <param name="PlanId">The plan field: what the form belongs to.</param>
/// <param name="SubjectId">The cycle field: what the form is about (a recommendation, an action).</param>
/// <param name="CardId">The card field.</param>
public sealed record FormButton(string Title, string OpenVerb, string PlanId, string SubjectId, string CardId)
{
    /// <summary>The hidden fields the button carries, by the names forms use.</summary>
    public IReadOnlyDictionary<string, string> Hidden => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Verbs.PlanField] = PlanId,
        [Verbs.CycleField] = SubjectId,
        [Verbs.CardField] = CardId,
    };
}
