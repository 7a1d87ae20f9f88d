namespace FeedbackBot.Data.Entities;

public enum OutboxKind
{
    Invitation,
    Reminder,
    Review,
    WeeklySummary,
    EmailInvitation,
    EmailReminder,

    /// <summary>A QA evaluation, an answer to one, or an action's reminder, to one person's private chat.</summary>
    Coaching,

    /// <summary>News of an improvement action (it regressed), as text to its owner or to a plan's channel.</summary>
    ActionNotice,

    /// <summary>An improvement action to its owner: that they own it, that it falls due, or that it is overdue; built when sent.</summary>
    ActionReminder,
}
