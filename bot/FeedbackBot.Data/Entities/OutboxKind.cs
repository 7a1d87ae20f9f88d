namespace FeedbackBot.Data.Entities;

public enum OutboxKind
{
    Invitation,
    Reminder,
    Review,
    WeeklySummary,
    EmailInvitation,
    EmailReminder,
}
