namespace FeedbackBot.Data.Entities;

public enum CoachingActionState
{
    Planned,
    Done,
    Cancelled,
}
